"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useSyncExternalStore, useTransition } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { editEntryAction, pinEntryAction, postEntryAction, publishEntryAction, removeEntryAction } from "@/lib/actions/live";
import { RichText } from "@/lib/richtext/render";
import type { TRichDoc } from "@/lib/richtext/types";
import type { TUserActor } from "@/lib/auth/current-user";
import type { getLiveDesk } from "@/lib/live/queries";
import { canChangeEntry, isDesk } from "@/lib/live/rules";
import { RichTextEditor } from "./rich-text-editor";
import { useLiveDraft } from "./use-live-draft";

/** An entry as the desk lists it (lib/live/queries.ts). */
export type TDeskLiveEntry = Awaited<ReturnType<typeof getLiveDesk>>["entries"][number];

type TPerson = { id: string; name: string };
type TStatus = { ok: boolean; message: string } | null;

const input = "rounded border border-ink/30 bg-white px-2 py-1 font-normal";
const time = (d: Date) => d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** The fields an entry is written with: headline, author, key event, the text (and, when editing, the correction note). */
function EntryFields({
  value,
  onChange,
  people,
  correction,
}: {
  value: { headline: string; authorId: string; keyEvent: boolean; correction?: string };
  onChange: (next: Partial<{ headline: string; authorId: string; keyEvent: boolean; correction: string }>) => void;
  people: TPerson[];
  correction: boolean;
}) {
  return (
    <>
      <label className="flex flex-col font-semibold">
        Headline (optional)
        <input value={value.headline} onChange={(e) => onChange({ headline: e.target.value })} maxLength={200} className={input} />
      </label>
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col font-semibold">
          Author
          <select value={value.authorId} onChange={(e) => onChange({ authorId: e.target.value })} className={input}>
            <option value="">No author line</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 font-semibold">
          <input type="checkbox" checked={value.keyEvent} onChange={(e) => onChange({ keyEvent: e.target.checked })} />
          Key event
        </label>
      </div>
      {correction && (
        <label className="flex flex-col font-semibold">
          Correction note (readers see it under the entry; write one when the edit changes what it said)
          <input value={value.correction ?? ""} onChange={(e) => onChange({ correction: e.target.value })} maxLength={500} className={input} />
        </label>
      )}
    </>
  );
}

/** Write and post a new entry; the desk's go up at once, a contributor's wait for the desk. */
function Composer({
  storyId,
  people,
  defaultAuthor,
  desk,
  actorId,
}: {
  storyId: string;
  people: TPerson[];
  defaultAuthor: string | null;
  desk: boolean;
  actorId: string;
}) {
  const router = useRouter();
  // Per person and story: two people on one machine never see each other's unposted entry.
  const draft = useLiveDraft(`newsroom:live-entry:${actorId}:${storyId}`, people, defaultAuthor);
  const [status, setStatus] = useState<TStatus>(null);
  const [pending, startTransition] = useTransition();
  const statusId = useId();
  const post = () =>
    startTransition(async () => {
      const result = await postEntryAction({ storyId, ...draft.fields, authorId: draft.fields.authorId || null, body: draft.body });
      if (result.ok) {
        draft.clear();
        setStatus({ ok: true, message: desk ? "Posted: readers see it now." : "Sent to the desk: an editor publishes it." });
        router.refresh();
      } else setStatus({ ok: false, message: result.error.message });
    });
  return (
    <section aria-labelledby="compose-heading" className="rounded border border-ink/15 bg-white p-4 text-sm">
      <h2 id="compose-heading" className="font-semibold">
        New entry
      </h2>
      {/* Nothing can be typed while it posts: what is cleared after is exactly what went up. */}
      <fieldset disabled={pending} className="mt-3 flex flex-col gap-3">
        <EntryFields value={draft.fields} onChange={draft.setFields} people={people} correction={false} />
        <RichTextEditor
          initial={draft.body}
          replaceWith={draft.replaceWith}
          onChange={draft.setBody}
          label="Entry text"
          compact
          describedBy={statusId}
          editable={!pending}
        />
        <div className="flex items-center gap-3">
          <Button onClick={post} disabled={pending}>
            {pending ? "Posting…" : desk ? "Post entry" : "Send entry to the desk"}
          </Button>
          <p id={statusId} role="status" className={status?.ok === false ? "text-red-700" : "text-ink/70"}>
            {status?.message}
          </p>
        </div>
      </fieldset>
    </section>
  );
}

/** Edit an entry in place, against the version it was opened at. */
function EntryEditor({ entry, people, onDone }: { entry: TDeskLiveEntry; people: TPerson[]; onDone: () => void }) {
  const router = useRouter();
  const [fields, setFields] = useState({
    headline: entry.headline ?? "",
    authorId: entry.author?.id ?? "",
    keyEvent: entry.keyEvent,
    correction: entry.correction ?? "",
  });
  const [body, setBody] = useState(entry.body as TRichDoc);
  const [status, setStatus] = useState<TStatus>(null);
  const [pending, startTransition] = useTransition();
  // The version this edit is based on: the one it was opened at, until a clash has shown the newer one.
  const [opened] = useState(entry.version);
  const [clashed, setClashed] = useState(false);
  const save = () =>
    startTransition(async () => {
      const baseVersion = clashed ? entry.version : opened;
      const result = await editEntryAction({ entryId: entry.id, baseVersion, ...fields, authorId: fields.authorId || null, body });
      if (result.ok) {
        onDone();
        router.refresh();
      } else {
        // Someone else's edit came first: show theirs above, keep this form as typed; saving again replaces theirs.
        if (result.error.code === "CONFLICT") {
          setClashed(true);
          setStatus({ ok: false, message: `${result.error.message} Save again to replace it with yours.` });
          router.refresh();
        } else setStatus({ ok: false, message: result.error.message });
      }
    });
  return (
    <div className="mt-3 flex flex-col gap-3 rounded bg-ink/5 p-3">
      <EntryFields value={fields} onChange={(p) => setFields((f) => ({ ...f, ...p }))} people={people} correction={entry.state === "PUBLISHED"} />
      <RichTextEditor initial={body} onChange={setBody} label="Entry text" compact />
      <div className="flex items-center gap-3">
        <Button onClick={save} disabled={pending}>
          {pending ? "Saving…" : "Save entry"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <p role="status" className={status?.ok === false ? "text-red-700" : "text-ink/70"}>
          {status?.message}
        </p>
      </div>
    </div>
  );
}

function EntryItem({
  entry,
  storyId,
  pinned,
  people,
  actor,
}: {
  entry: TDeskLiveEntry;
  storyId: string;
  pinned: boolean;
  people: TPerson[];
  actor: TUserActor;
}) {
  const [editing, setEditing] = useState(false);
  const desk = isDesk(actor);
  // The rule the server applies (lib/live/rules.ts): buttons only where the action would be allowed.
  const changeable = canChangeEntry(actor, entry);
  const label = entry.headline || `Entry at ${time(entry.publishedAt ?? entry.createdAt)}`;
  return (
    <li className={`rounded border p-3 ${entry.state === "REMOVED" ? "border-ink/10 bg-ink/5 text-ink/60" : "border-ink/15 bg-white"}`}>
      <article aria-label={label}>
        <p className="text-ink/60">
          {entry.state === "PENDING" && <strong className="mr-2 text-amber-800">Waiting for the desk</strong>}
          {entry.state === "REMOVED" && <strong className="mr-2">Removed</strong>}
          {pinned && <strong className="mr-2 text-accent">Pinned</strong>}
          {entry.keyEvent && <strong className="mr-2">Key event</strong>}
          {time(entry.publishedAt ?? entry.createdAt)} · {entry.author ? entry.author.name : "no author line"} · posted by {entry.createdBy.name}
        </p>
        {entry.headline && <h3 className="mt-1 font-semibold">{entry.headline}</h3>}
        <div className="story-body mt-1">
          <RichText doc={entry.body as TRichDoc} />
        </div>
        {entry.correction && <p className="mt-1 text-sm">Correction: {entry.correction}</p>}
      </article>
      {changeable && !editing && (
        <div className="mt-2 flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            Edit
          </Button>
          {desk && entry.state === "PENDING" && (
            <ActionForm action={publishEntryAction} submitLabel="Publish entry">
              <input type="hidden" name="entryId" value={entry.id} />
              <input type="hidden" name="baseVersion" value={entry.version} />
            </ActionForm>
          )}
          {desk && entry.state === "PUBLISHED" && (
            <ActionForm action={pinEntryAction} submitLabel={pinned ? "Unpin" : "Pin"} variant="secondary">
              <input type="hidden" name="storyId" value={storyId} />
              <input type="hidden" name="entryId" value={pinned ? "" : entry.id} />
            </ActionForm>
          )}
          <ActionForm action={removeEntryAction} submitLabel={entry.state === "PENDING" && !desk ? "Withdraw" : "Remove"} variant="secondary">
            <input type="hidden" name="entryId" value={entry.id} />
            <input type="hidden" name="baseVersion" value={entry.version} />
          </ActionForm>
        </div>
      )}
      {editing && <EntryEditor entry={entry} people={people} onDone={() => setEditing(false)} />}
      {entry.history.length > 0 && (
        <details className="mt-2 text-sm">
          <summary>Earlier versions ({entry.history.length})</summary>
          <ul className="mt-1 space-y-2">
            {entry.history.map((h, i) => (
              <li key={i} className="text-ink/70">
                {h.headline && <strong>{h.headline}: </strong>}
                <RichText doc={h.body as TRichDoc} /> — replaced {time(h.replacedAt)} by {h.editedBy.name}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

const NO_SUBSCRIPTION = () => () => {};

/** The live desk: write entries, and manage the ones posted (newest first). */
export function LiveDesk({
  storyId,
  entries,
  pinnedId,
  people,
  myPersonId,
  actor,
  open,
}: {
  storyId: string;
  entries: TDeskLiveEntry[];
  pinnedId: string | null;
  people: TPerson[];
  myPersonId: string | null;
  actor: TUserActor;
  /** Coverage is live (not ended): entries can be posted. */
  open: boolean;
}) {
  // The composer reads what this browser kept of an unposted entry, so it renders in the browser only.
  const inBrowser = useSyncExternalStore(
    NO_SUBSCRIPTION,
    () => true,
    () => false,
  );
  return (
    <div className="flex flex-col gap-6">
      {open &&
        (inBrowser ? (
          <Composer storyId={storyId} people={people} defaultAuthor={myPersonId} desk={isDesk(actor)} actorId={actor.id} />
        ) : (
          <p className="text-sm">Loading the editor…</p>
        ))}
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading" className="font-semibold">
          Entries ({entries.filter((e) => e.state === "PUBLISHED").length} up)
        </h2>
        {entries.length === 0 ? (
          <p className="mt-2 text-sm text-ink/70">No entries yet.</p>
        ) : (
          <ol aria-label="Entries, newest first" className="mt-2 space-y-3 text-sm">
            {entries.map((e) => (
              <EntryItem key={e.id} entry={e} storyId={storyId} pinned={e.id === pinnedId} people={people} actor={actor} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
