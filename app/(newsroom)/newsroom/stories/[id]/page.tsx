import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewsroomHeader } from "@/components/newsroom/newsroom-header";
import { StoryEditorLoader } from "@/components/newsroom/story-editor-loader";
import { requireUser } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors";
import { maxUploadBytes } from "@/lib/media/config";
import { canEditStory, canPublish } from "@/lib/stories/permissions";
import { getStoryForEditor, listSections } from "@/lib/stories/queries";

export const metadata: Metadata = { title: "Edit story", robots: { index: false } };

export default async function EditStoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/newsroom/stories/${id}`);
  const [story, sections] = await Promise.all([
    getStoryForEditor({ actor: user, storyId: id }).catch((err) => {
      if (isAppError(err) && err.code === "NOT_FOUND") notFound();
      throw err;
    }),
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
            draft: {
              headline: story.headline,
              dek: story.dek ?? "",
              dateline: story.dateline ?? "",
              slug: story.slug,
              sectionId: story.sectionId ?? "",
              leadMediaId: story.leadMediaId ?? "",
              leadCaption: story.leadCaption ?? "",
              body: story.body,
            },
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
