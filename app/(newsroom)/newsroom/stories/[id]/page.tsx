import type { Metadata } from "next";
import { NewsroomHeader } from "@/components/newsroom/newsroom-header";
import { toDraft } from "@/components/newsroom/story-draft";
import { StoryEditorLoader } from "@/components/newsroom/story-editor-loader";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/not-found";
import { maxUploadBytes } from "@/lib/media/config";
import { canEditStory, canPublish } from "@/lib/stories/permissions";
import { getStoryForEditor, listSections } from "@/lib/stories/queries";

export const metadata: Metadata = { title: "Edit story", robots: { index: false } };

export default async function EditStoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/newsroom/stories/${id}`);
  const [story, sections] = await Promise.all([
    orNotFound(getStoryForEditor({ actor: user, storyId: id })),
    listSections(),
  ]);
  return (
    <>
      <NewsroomHeader user={user} />
      <main id="main" className="mx-auto max-w-4xl px-4 pb-16">
        <h1 className="sr-only">Edit story: {story.headline || "Untitled story"}</h1>
        <StoryEditorLoader
          story={{
            id: story.id,
            version: story.version,
            status: story.status,
            everPublished: story.firstPublishedAt !== null,
            credits: story.credits.map((c) => ({ person: c.person, role: c.role, location: c.location, override: c.override })),
            media: [...story.media.values()],
            draft: toDraft(story),
          }}
          sections={sections}
          canPublish={canPublish(user)}
          canEdit={canEditStory(user, story)}
          maxUploadBytes={maxUploadBytes()}
        />
      </main>
    </>
  );
}
