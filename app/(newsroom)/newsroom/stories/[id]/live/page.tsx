import type { Metadata } from "next";
import Link from "next/link";
import { LiveDesk } from "@/components/newsroom/live-desk";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { ActionForm } from "@/components/ui/action-form";
import { endLiveAction, reopenLiveAction, startLiveAction } from "@/lib/actions/live";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/not-found";
import { getLiveDesk } from "@/lib/live/queries";
import { isDesk, liveState } from "@/lib/live/rules";
import { listCreditablePeople } from "@/lib/people/queries";
import { formatDateTime } from "@/lib/site";

export const metadata: Metadata = { title: "Live coverage", robots: { index: false } };

// /newsroom/stories/<id>/live — a story's live coverage: start, end, reopen it; post and manage entries.
export default async function LiveDeskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/newsroom/stories/${id}/live`);
  const [{ story, entries, myPersonId }, people] = await Promise.all([
    orNotFound(getLiveDesk({ actor: user, storyId: id })),
    listCreditablePeople({ actor: user }),
  ]);
  const state = liveState(story);
  const desk = isDesk(user);
  return (
    <NewsroomPage user={user} width="4xl">
      <p className="text-sm">
        <Link href={`/newsroom/stories/${story.id}`} className="underline">
          ← Back to the story
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Live coverage: {story.headline || "Untitled story"}</h1>
      <div className="mt-3 flex flex-wrap items-center gap-4 text-sm">
        <p>
          {state === "off" && "This story is not live coverage."}
          {state === "live" && (
            <>
              <strong className="text-accent">Live</strong> since {formatDateTime(story.liveStartedAt!)}.{" "}
              {story.status === "PUBLISHED" ? (
                <a href={`/stories/${story.slug}`} className="underline">
                  Open the reader&apos;s page
                </a>
              ) : (
                "Readers see the entries once the story is published."
              )}
            </>
          )}
          {state === "ended" && `The coverage ended ${formatDateTime(story.liveEndedAt!)}.`}
        </p>
        {desk && state === "off" && (
          <ActionForm action={startLiveAction} submitLabel="Start live coverage">
            <input type="hidden" name="storyId" value={story.id} />
          </ActionForm>
        )}
        {desk && state === "live" && (
          <ActionForm action={endLiveAction} submitLabel="End live coverage" variant="secondary">
            <input type="hidden" name="storyId" value={story.id} />
          </ActionForm>
        )}
        {desk && state === "ended" && (
          <ActionForm action={reopenLiveAction} submitLabel="Reopen live coverage">
            <input type="hidden" name="storyId" value={story.id} />
          </ActionForm>
        )}
      </div>
      {!desk && <p className="mt-2 text-sm text-ink/70">Your entries go to the desk first; an editor publishes them.</p>}
      {state !== "off" && (
        <div className="mt-6">
          <LiveDesk
            storyId={story.id}
            entries={entries}
            pinnedId={story.livePinnedId}
            people={people}
            myPersonId={myPersonId}
            actor={user}
            open={state === "live"}
          />
        </div>
      )}
    </NewsroomPage>
  );
}
