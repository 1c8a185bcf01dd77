"use client";

import { useState } from "react";
import { compareRevisionsAction, listRevisionsAction } from "@/lib/actions/stories";
import type { TRevisionItem } from "@/lib/stories/editor-state";
import { Button } from "@/components/ui/button";
import type { TFieldDiff } from "@/lib/stories/revisions";
import { STATUS_LABEL, type TStatus } from "@/lib/stories/workflow";
import { formatInZone } from "@/lib/time";

const KIND: Record<string, string> = { AUTOSAVE: "Typing", SAVE: "Saved", CREDITS: "Credits", STATUS: "Workflow", RESTORE: "Restored" };

/**
 * Every saved version of the story: who, when, in which state. Tick two to
 * compare them word by word; restore any one (that makes a new revision).
 */
export function HistoryPanel({
  storyId,
  timeZone,
  canRestore,
  onRestore,
}: {
  storyId: string;
  timeZone: string;
  canRestore: boolean;
  onRestore: (number: number) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<TRevisionItem[] | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<{ from: number; to: number; fields: TFieldDiff[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const result = await listRevisionsAction(storyId).catch(() => null);
    if (!result) return setError("The history could not be loaded. Check your connection.");
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setItems(result.data);
  };
  const toggle = (n: number) => setPicked((p) => (p.includes(n) ? p.filter((x) => x !== n) : [...p.slice(-1), n]));
  const compare = async () => {
    const [a, b] = [...picked].sort((x, y) => x - y);
    if (a === undefined || b === undefined) return;
    const result = await compareRevisionsAction({ storyId, from: a, to: b }).catch(() => null);
    if (!result?.ok) return setError(result?.error.message ?? "The comparison could not be loaded.");
    setDiff({ from: a, to: b, fields: result.data });
  };

  return (
    <section aria-labelledby="history-heading" className="rounded border border-ink/15 bg-white p-4 text-sm">
      <div className="flex items-center justify-between">
        <h2 id="history-heading" className="font-semibold">
          History
        </h2>
        <Button
          variant="secondary"
          aria-expanded={open}
          onClick={() => {
            setOpen(!open);
            if (!open) void load();
          }}
        >
          {open ? "Hide history" : "Show history"}
        </Button>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-accent">
          {error}
        </p>
      )}
      {open && items && (
        <>
          <p className="mt-2 text-ink/70">Tick two revisions to compare them.</p>
          <ol aria-label="Revisions" className="mt-2 max-h-72 divide-y divide-ink/10 overflow-auto">
            {items.map((r) => (
              <li key={r.number} className="flex flex-wrap items-center gap-3 py-1">
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={picked.includes(r.number)} onChange={() => toggle(r.number)} />
                  <span className="font-semibold">Revision {r.number}</span>
                </label>
                <span>{r.summary ?? KIND[r.kind]}</span>
                <span className="text-ink/60">
                  {r.author ?? "the system"} · {formatInZone(r.at, timeZone)} · {STATUS_LABEL[r.status as TStatus]}
                </span>
                {canRestore && (
                  <Button variant="secondary" className="ml-auto" onClick={() => void onRestore(r.number)} aria-label={`Restore revision ${r.number}`}>
                    Restore
                  </Button>
                )}
              </li>
            ))}
          </ol>
          <Button className="mt-2" variant="secondary" disabled={picked.length !== 2} onClick={() => void compare()}>
            Compare selected
          </Button>
        </>
      )}
      {open && diff && (
        <div aria-label={`Changes from revision ${diff.from} to ${diff.to}`} role="region" className="mt-3 space-y-3">
          <h3 className="font-semibold">
            Revision {diff.from} → revision {diff.to}
          </h3>
          {diff.fields.every((f) => !f.changed) && <p>No differences in headline, dek, dateline, text, tags or credits.</p>}
          {diff.fields
            .filter((f) => f.changed)
            .map((f) => (
              <div key={f.field}>
                <h4 className="text-xs font-semibold uppercase tracking-wide text-ink/60">{f.label}</h4>
                <p className="whitespace-pre-wrap font-serif">
                  {f.parts.map((p, i) =>
                    p.added ? (
                      <ins key={i} className="bg-green-100 text-green-900 no-underline">
                        {p.value}
                      </ins>
                    ) : p.removed ? (
                      <del key={i} className="bg-red-100 text-red-900">
                        {p.value}
                      </del>
                    ) : (
                      <span key={i}>{p.value}</span>
                    ),
                  )}
                </p>
              </div>
            ))}
        </div>
      )}
    </section>
  );
}
