import type { Metadata } from "next";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { StoryEditorLoader } from "@/components/newsroom/story-editor-loader";
import { requireUser } from "@/lib/auth/current-user";
import { maxUploadBytes } from "@/lib/media/config";
import { EMPTY_DOC } from "@/lib/richtext/types";
import { TIME_ZONE } from "@/lib/site";
import { listSections } from "@/lib/stories/queries";
import { toStoryMeta } from "@/lib/stories/editor-state";

export const metadata: Metadata = { title: "New story", robots: { index: false } };

export default async function NewStoryPage() {
  const user = await requireUser("/newsroom/stories/new");
  const sections = await listSections();
  return (
    <NewsroomPage user={user} width="4xl" editor>
      <h1 className="sr-only">New story</h1>
      <StoryEditorLoader
        story={{
          id: null,
          version: null,
          meta: toStoryMeta(
            { status: "DRAFT", hasPending: false, scheduledAt: null, unpublishAt: null, embargoUntil: null, deskNote: null, notice: null },
            user.id,
          ),
          everPublished: false,
          credits: [],
          media: [],
          draft: { headline: "", dek: "", dateline: "", slug: "", sectionId: "", leadMediaId: "", leadCaption: "", tags: "", body: EMPTY_DOC },
        }}
        sections={sections}
        actor={user}
        timeZone={TIME_ZONE}
        maxUploadBytes={maxUploadBytes()}
      />
    </NewsroomPage>
  );
}
