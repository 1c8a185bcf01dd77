"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { TActor } from "@/lib/auth/actor";
import { formatInZone, utcToWallTime } from "@/lib/time";
import type { TStoryMeta } from "@/lib/stories/editor-state";
import { availableActions, STATUS_LABEL, type TAction } from "@/lib/stories/workflow";

const BUTTON: Partial<Record<TAction, string>> = {
  submit: "Submit to the desk",
  withdraw: "Withdraw from review",
  unschedule: "Cancel the schedule",
  unpublish: "Unpublish",
  cancelUnpublish: "Cancel scheduled unpublishing",
  archive: "Archive",
  unarchive: "Unarchive",
};

/**
 * What can happen to the story next, as the state machine allows it for this
 * person: submit, return with a note, publish, schedule (in the newsroom's time
 * zone), unpublish now or later, archive, and the embargo.
 */
export function WorkflowPanel({
  actor,
  meta,
  timeZone,
  busy,
  dirty,
  canEdit,
  onAction,
  onEmbargo,
  onDiscard,
}: {
  actor: TActor;
  meta: TStoryMeta;
  timeZone: string;
  busy: boolean;
  /** Unsaved changes: the desk acts on saved versions only. */
  dirty: boolean;
  canEdit: boolean;
  onAction: (action: TAction, extra?: { at?: string; note?: string }) => Promise<boolean>;
  onEmbargo: (until: string | null) => Promise<boolean>;
  onDiscard: () => Promise<boolean>;
}) {
  const now = new Date();
  const story = {
    ...meta,
    embargoUntil: meta.embargoUntil ? new Date(meta.embargoUntil) : null,
    unpublishAt: meta.unpublishAt ? new Date(meta.unpublishAt) : null,
  };
  const actions = availableActions(actor, story, now);
  const embargoed = story.embargoUntil && story.embargoUntil > now;
  const soon = utcToWallTime(new Date(Math.max(now.getTime() + 60 * 60_000, story.embargoUntil?.getTime() ?? 0)), timeZone);
  const [scheduleAt, setScheduleAt] = useState(meta.scheduledAt ? utcToWallTime(new Date(meta.scheduledAt), timeZone) : soon);
  const [unpublishAt, setUnpublishAt] = useState(meta.unpublishAt ? utcToWallTime(new Date(meta.unpublishAt), timeZone) : soon);
  const [embargoAt, setEmbargoAt] = useState(meta.embargoUntil ? utcToWallTime(new Date(meta.embargoUntil), timeZone) : soon);
  const [note, setNote] = useState("");
  const [returning, setReturning] = useState(false);
  const ids = { schedule: useId(), unpublish: useId(), embargo: useId(), note: useId() };
  const disabled = busy || dirty;
  const zoneHint = `Times are in the newsroom's time zone (${timeZone}).`;

  return (
    <section aria-label="Workflow" className="flex flex-col gap-3 rounded border border-ink/15 bg-white p-4 text-sm">
      <p>
        <span className="font-semibold">{STATUS_LABEL[meta.status]}</span>
        {meta.status === "SCHEDULED" && meta.scheduledAt && <> · publishes {formatInZone(meta.scheduledAt, timeZone)}</>}
        {meta.unpublishAt && <> · comes down {formatInZone(meta.unpublishAt, timeZone)}</>}
        {meta.hasPending && (
          <>
            {" "}
            · <strong className="text-accent">Unpublished changes</strong>: readers still see the published version until you publish the update.
          </>
        )}
      </p>
      {embargoed && (
        <p role="note" className="rounded border border-accent bg-accent/10 p-2 font-semibold">
          Embargoed until {formatInZone(meta.embargoUntil!, timeZone)}: it cannot be published before then and appears nowhere public.
        </p>
      )}
      {meta.notice && (
        <p role="alert" className="rounded border border-accent bg-accent/10 p-2">
          {meta.notice}
        </p>
      )}
      {meta.deskNote && (meta.status === "DRAFT" || meta.status === "IN_REVIEW") && (
        <p role="note" className="rounded border border-ink/20 bg-paper p-2">
          <span className="font-semibold">Note from the desk:</span> {meta.deskNote}
        </p>
      )}
      {dirty && actions.length > 0 && <p className="text-ink/70">Save your changes to submit, publish or schedule them.</p>}

      <div className="flex flex-wrap gap-2">
        {actions.includes("publish") && (
          <Button onClick={() => void onAction("publish")} disabled={disabled || (meta.status === "PUBLISHED" && !meta.hasPending)}>
            {meta.status === "PUBLISHED" ? "Publish update" : "Publish"}
          </Button>
        )}
        {(Object.keys(BUTTON) as TAction[])
          .filter((a) => actions.includes(a))
          .map((a) => (
            <Button key={a} variant="secondary" onClick={() => void onAction(a)} disabled={disabled}>
              {BUTTON[a]}
            </Button>
          ))}
        {actions.includes("return") && !returning && (
          <Button variant="secondary" onClick={() => setReturning(true)} disabled={busy}>
            Return to the author…
          </Button>
        )}
        {meta.hasPending && canEdit && (
          <Button variant="secondary" onClick={() => void onDiscard()} disabled={busy}>
            Discard unpublished changes
          </Button>
        )}
      </div>

      {returning && (
        <div className="flex flex-col gap-2">
          <label htmlFor={ids.note} className="font-semibold">
            Note for the author (what needs changing)
          </label>
          <textarea id={ids.note} rows={3} value={note} onChange={(e) => setNote(e.target.value)} className="rounded border border-ink/30 px-2 py-1" />
          <div className="flex gap-2">
            <Button
              onClick={async () => {
                if (await onAction("return", { note })) {
                  setReturning(false);
                  setNote("");
                }
              }}
              disabled={busy}
            >
              Return with this note
            </Button>
            <Button variant="secondary" onClick={() => setReturning(false)}>
              Cancel
            </Button>
          </div>
        </div>
      )}

      {actions.includes("schedule") && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col">
            <label htmlFor={ids.schedule} className="font-semibold">
              {meta.status === "SCHEDULED" ? "Reschedule for" : "Schedule publishing for"}
            </label>
            <input
              id={ids.schedule}
              type="datetime-local"
              value={scheduleAt}
              onChange={(e) => setScheduleAt(e.target.value)}
              className="rounded border border-ink/30 px-2 py-1"
              aria-describedby={`${ids.schedule}-hint`}
            />
          </div>
          <Button variant="secondary" onClick={() => void onAction("schedule", { at: scheduleAt })} disabled={disabled}>
            {meta.status === "SCHEDULED" ? "Reschedule" : "Schedule"}
          </Button>
          <span id={`${ids.schedule}-hint`} className="text-ink/60">
            {zoneHint}
          </span>
        </div>
      )}

      {actions.includes("scheduleUnpublish") && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col">
            <label htmlFor={ids.unpublish} className="font-semibold">
              Take down at
            </label>
            <input
              id={ids.unpublish}
              type="datetime-local"
              value={unpublishAt}
              onChange={(e) => setUnpublishAt(e.target.value)}
              className="rounded border border-ink/30 px-2 py-1"
            />
          </div>
          <Button variant="secondary" onClick={() => void onAction("scheduleUnpublish", { at: unpublishAt })} disabled={busy}>
            Schedule unpublishing
          </Button>
        </div>
      )}

      {canEdit && meta.status !== "PUBLISHED" && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col">
            <label htmlFor={ids.embargo} className="font-semibold">
              Embargo until
            </label>
            <input
              id={ids.embargo}
              type="datetime-local"
              value={embargoAt}
              onChange={(e) => setEmbargoAt(e.target.value)}
              className="rounded border border-ink/30 px-2 py-1"
            />
          </div>
          <Button variant="secondary" onClick={() => void onEmbargo(embargoAt)} disabled={busy}>
            {meta.embargoUntil ? "Change embargo" : "Set embargo"}
          </Button>
          {meta.embargoUntil && (
            <Button variant="secondary" onClick={() => void onEmbargo(null)} disabled={busy}>
              Lift embargo
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
