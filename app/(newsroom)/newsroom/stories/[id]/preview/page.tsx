import type { Metadata } from "next";
import Link from "next/link";
import { StoryPreview } from "@/components/site/story-preview";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/not-found";
import { getStoryForEditor } from "@/lib/stories/queries";

export const metadata: Metadata = { title: "Preview", robots: { index: false } };

/** The last saved version, as readers would see it; behind sign-in, never cached publicly. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/newsroom/stories/${id}/preview`);
  const story = await orNotFound(getStoryForEditor({ actor: user, storyId: id }));
  return (
    <>
      <div className="no-print border-b border-accent/40 bg-accent/10 px-4 py-2 text-center text-sm">
        Preview of the saved version ({story.status.toLowerCase()}, version {story.version}) ·{" "}
        <Link href={`/newsroom/stories/${story.id}`} className="underline">
          Back to the editor
        </Link>
      </div>
      <main id="main" className="px-4 py-10">
        <StoryPreview story={story} />
      </main>
    </>
  );
}
