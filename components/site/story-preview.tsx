import { StoryArticle } from "@/components/site/story-article";
import type { getStoryForEditor } from "@/lib/stories/queries";

/**
 * A story's last saved version as readers would see it (the newsroom's preview
 * and share links): the desk's own editor credits left out, and the times it
 * does not have yet (first publication) taken from its last save.
 */
export function StoryPreview({ story }: { story: Awaited<ReturnType<typeof getStoryForEditor>> }) {
  return (
    <StoryArticle
      story={{
        ...story,
        credits: story.credits.filter((c) => c.role !== "EDITOR"),
        modifiedAt: story.contentUpdatedAt,
        firstPublishedAt: story.firstPublishedAt ?? story.updatedAt,
      }}
    />
  );
}
