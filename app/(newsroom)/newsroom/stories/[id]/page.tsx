import type { Metadata } from "next";
import Link from "next/link";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { toDraft } from "@/components/newsroom/story-draft";
import { toStoryMeta } from "@/lib/stories/editor-state";
import { StoryEditorLoader } from "@/components/newsroom/story-editor-loader";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/not-found";
import { maxUploadBytes } from "@/lib/media/config";
import { NotesPanel } from "@/components/newsroom/notes-panel";
import { ShareLinksPanel } from "@/components/newsroom/share-links-panel";
import { hasRole } from "@/lib/auth/actor";
import { TIME_ZONE } from "@/lib/site";
import { listStoryNotesForDesk } from "@/lib/stories/notes";
import { listShareLinks } from "@/lib/stories/share-links";
import { getStoryForEditor, listSections } from "@/lib/stories/queries";

export const metadata: Metadata = { title: "Edit story", robots: { index: false } };

export default async function EditStoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/newsroom/stories/${id}`);
  const [story, sections] = await Promise.all([orNotFound(getStoryForEditor({ actor: user, storyId: id })), listSections()]);
  // Corrections and updates are the desk's, on stories readers have seen.
  const desk = hasRole(user, "EDITOR");
  const [notes, shareLinks] = await Promise.all([
    desk && story.firstPublishedAt ? listStoryNotesForDesk({ actor: user, storyId: story.id }) : null,
    // Previews shared outside the newsroom are the desk's call.
    desk ? listShareLinks({ actor: user, storyId: story.id }) : null,
  ]);
  return (
    <NewsroomPage user={user} width="4xl" editor>
      <h1 className="sr-only">Edit story: {story.headline || "Untitled story"}</h1>
      <StoryEditorLoader
        story={{
          id: story.id,
          version: story.version,
          meta: toStoryMeta(story, story.createdById),
          everPublished: story.firstPublishedAt !== null,
          credits: story.credits.map((c) => ({ person: c.person, role: c.role, location: c.location, override: c.override })),
          media: [...story.media.values()],
          draft: toDraft(story),
        }}
        sections={sections}
        actor={user}
        timeZone={TIME_ZONE}
        maxUploadBytes={maxUploadBytes()}
      />
      <p className="mt-6 text-sm">
        <Link href={`/newsroom/stories/${story.id}/live`} className="font-semibold underline">
          Live coverage
        </Link>{" "}
        — timestamped entries on the story&apos;s page, updating for readers as they go up.
      </p>
      {notes && (
        <div className="mt-6">
          <NotesPanel storyId={story.id} notes={notes} />
        </div>
      )}
      {shareLinks && (
        <div className="mt-6">
          <ShareLinksPanel storyId={story.id} links={shareLinks} />
        </div>
      )}
    </NewsroomPage>
  );
}
