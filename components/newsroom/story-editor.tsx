"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  discardPendingAction,
  embargoAction,
  restoreRevisionAction,
  saveStoryAction,
  workflowAction,
} from "@/lib/actions/stories";
import { toStoryMeta, type TSaved, type TSaveResult, type TServerCopy, type TStoryMeta } from "@/lib/stories/editor-state";
import type { TActor } from "@/lib/auth/actor";
import { canEditInState, STATUS_LABEL, type TAction, type TStatus } from "@/lib/stories/workflow";
import { HistoryPanel } from "./history-panel";
import { PresenceNote } from "./presence-note";
import { WorkflowPanel } from "./workflow-panel";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { plainText } from "@/lib/richtext/text";
import type { TRichDoc } from "@/lib/richtext/types";
import { slugify } from "@/lib/stories/slug";
import { saveCreditsAction } from "@/lib/actions/credits";
import { CreditsPanel, type TEditorCredit } from "./credits-panel";
import { LeadPhotoPanel } from "./lead-photo-panel";
import { MediaCatalogProvider, type TCatalogItem } from "./media-catalog";
import { MissingAltText } from "./missing-alt-text";
import { toDraft, type TDraft } from "./story-draft";
import { RichTextEditor } from "./rich-text-editor";

export type { TDraft };
export type TEditorStory = {
  id: string | null;
  version: number | null;
  meta: TStoryMeta;
  draft: TDraft;
  everPublished: boolean;
  credits: TEditorCredit[];
  /** The library images the story uses, to show in the editor. */
  media: TCatalogItem[];
};
type TSaveState = "saved" | "saving" | "unsaved" | "offline" | "conflict" | "error";

const AUTOSAVE_DELAY_MS = 2000;
const RETRY_DELAY_MS = 3000;
/** While the server or its database is unreachable: retry after 1 s, 2 s, 4 s, then every 5 s. */
const retryDelayMs = (attempt: number) => Math.min(5000, 1000 * 2 ** attempt);
const STATUS_TEXT: Record<TSaveState, string> = {
  saved: "Saved",
  saving: "Saving…",
  unsaved: "Unsaved changes",
  offline: "Offline — retrying",
  conflict: "Conflict",
  error: "Not saved",
};

/** Unsaved work is also kept in this browser, so a reload or a crash loses nothing. */
const storageKey = (id: string | null) => `newsroom:story-draft:${id ?? "new"}`;
type TStored = { baseVersion: number | null; draft: TDraft; at: number };

function readStored(id: string | null): TStored | null {
  try {
    const raw = localStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as TStored) : null;
  } catch {
    return null;
  }
}

const fromServer = (copy: TServerCopy): TDraft => toDraft(copy);

const same = (a: TDraft, b: TDraft) => JSON.stringify(a) === JSON.stringify(b);


/** What the editor says after each workflow step. */
const DONE: Record<TAction, (saved: TSaved) => string> = {
  submit: () => "Submitted: the desk has it now.",
  withdraw: () => "Withdrawn: it is your draft again.",
  return: () => "Returned to the author with your note.",
  publish: () => "Published.",
  schedule: () => "Scheduled.",
  unschedule: () => "The schedule is cancelled; the story is back in review.",
  unpublish: () => "Unpublished: readers no longer see this story.",
  scheduleUnpublish: () => "It will come down at the time you chose.",
  cancelUnpublish: () => "It will stay up.",
  archive: () => "Archived.",
  unarchive: () => "Unarchived: it is a draft again.",
};

export function StoryEditor({
  story,
  sections,
  actor,
  timeZone,
  maxUploadBytes,
}: {
  story: TEditorStory;
  sections: { id: string; name: string }[];
  /** The signed-in person: what they may do is asked of the state machine. */
  actor: TActor;
  timeZone: string;
  maxUploadBytes: number;
}) {
  // Work left in this browser by a reload, a crash or a lost connection comes back.
  // (This component renders only in the browser: see story-editor-loader.tsx.)
  const [recovered] = useState(() => {
    if (!canEditInState(actor, story.meta)) return null;
    const stored = readStored(story.id);
    // Work kept by an older editor may lack newer fields: those keep the saved values.
    const merged = stored ? { ...stored, draft: { ...story.draft, ...stored.draft } } : null;
    return merged && !same(merged.draft, story.draft) ? merged : null;
  });
  const [storyId, setStoryId] = useState(story.id);
  const [meta, setMeta] = useState<TStoryMeta>(story.meta);
  const canEdit = canEditInState(actor, meta);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<TDraft>(recovered?.draft ?? story.draft);
  const [saveState, setSaveState] = useState<TSaveState>(recovered ? "unsaved" : "saved");
  const [message, setMessage] = useState<string | null>(recovered ? "Recovered changes that had not been saved from this browser." : null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [conflict, setConflict] = useState<TServerCopy | null>(null);
  const [mineAtConflict, setMineAtConflict] = useState<TDraft | null>(null);
  const [replaceBody, setReplaceBody] = useState<TRichDoc | null>(null);
  const [credits, setCredits] = useState<TEditorCredit[]>(story.credits);
  const [slugTouched, setSlugTouched] = useState(story.everPublished || (story.id !== null && story.draft.slug !== slugify(story.draft.headline)));

  // The latest values, for timers and async callbacks.
  const live = useRef({ draft, storyId, baseVersion: recovered?.baseVersion ?? story.version, lastSaved: story.draft, saving: false, conflict: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Failed attempts in a row to reach the server (or its database), for the backoff. */
  const retries = useRef(0);
  const saveRef = useRef<() => Promise<void>>(() => Promise.resolve());

  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), delay);
  }, []);

  const save = useCallback(async () => {
    const l = live.current;
    if (l.conflict) return;
    if (l.saving) {
      // Another save (or a credits change) is under way: try again after it, never drop the change.
      schedule(RETRY_DELAY_MS);
      return;
    }
    if (l.storyId && same(l.draft, l.lastSaved)) {
      setSaveState("saved");
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    const snapshot = l.draft;
    l.saving = true;
    setSaveState("saving");
    let result: TSaveResult;
    try {
      result = await saveStoryAction({
        storyId: l.storyId,
        baseVersion: l.baseVersion,
        fields: { ...snapshot, sectionId: snapshot.sectionId || null, leadMediaId: snapshot.leadMediaId || null },
      });
    } catch {
      // The server could not be reached: keep everything and try again.
      l.saving = false;
      setSaveState("offline");
      schedule(retryDelayMs(retries.current++));
      return;
    }
    l.saving = false;
    if (!result.ok && result.error.code === "UNAVAILABLE") {
      // The server is up but its database is not: the same as unreachable — kept here, saved when it is back.
      setSaveState("offline");
      setMessage(result.error.message);
      schedule(retryDelayMs(retries.current++));
      return;
    }
    retries.current = 0;
    if (result.ok) {
      const previousKey = storageKey(l.storyId);
      l.baseVersion = result.data.version;
      l.lastSaved = { ...snapshot, slug: result.data.slug };
      setMeta((m) => toStoryMeta(result.data, m.createdById));
      setFieldErrors({});
      setMessage(null);
      if (!l.storyId) {
        l.storyId = result.data.id;
        setStoryId(result.data.id);
        localStorage.removeItem(previousKey);
        window.history.replaceState(null, "", `/newsroom/stories/${result.data.id}`);
      }
      if (result.data.slug !== l.draft.slug) {
        // The server made the slug unique (or tidied it).
        const next = { ...l.draft, slug: result.data.slug };
        if (same({ ...snapshot, slug: next.slug }, next)) l.lastSaved = next;
        l.draft = next;
        setDraft(next);
      }
      if (same(l.draft, l.lastSaved)) {
        localStorage.removeItem(storageKey(l.storyId));
        setSaveState("saved");
      } else {
        setSaveState("unsaved");
        schedule(AUTOSAVE_DELAY_MS);
      }
      return;
    }
    const { code, message: text, fieldErrors: errors } = result.error;
    if (code === "CONFLICT" && "current" in result && result.current) {
      l.conflict = true;
      setConflict(result.current);
      setMineAtConflict(snapshot);
      setSaveState("conflict");
      setMessage(text);
      return;
    }
    setSaveState("error");
    setFieldErrors(errors ?? {});
    setMessage(code === "UNAUTHORIZED" ? "Your session has ended. Sign in again in another tab, then save: your text is kept here and in this browser." : text);
  }, [schedule]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const update = useCallback(
    (patch: Partial<TDraft>) => {
      const l = live.current;
      const next = { ...l.draft, ...patch };
      l.draft = next;
      setDraft(next);
      try {
        localStorage.setItem(storageKey(l.storyId), JSON.stringify({ baseVersion: l.baseVersion, draft: next, at: Date.now() } satisfies TStored));
      } catch {
        // Storage full or blocked: the text is still in the page and will be saved.
      }
      if (l.conflict) return;
      setSaveState((s) => (s === "offline" ? s : "unsaved"));
      schedule(AUTOSAVE_DELAY_MS);
    },
    [schedule],
  );

  useEffect(() => {
    if (recovered) schedule(500);
  }, [recovered, schedule]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saveRef.current();
      }
    };
    const onOnline = () => void saveRef.current();
    const hasUnsavedWork = () => {
      const l = live.current;
      return l.conflict || l.saving || (l.storyId ? !same(l.draft, l.lastSaved) : !same(l.draft, story.draft));
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (hasUnsavedWork()) e.preventDefault();
    };
    // In-app links do not fire beforeunload: ask before following one with unsaved work.
    const onLinkClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target === "_blank" || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      if (hasUnsavedWork() && !window.confirm("This story has changes that are not saved yet. Leave anyway? (They are also kept in this browser.)")) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    document.addEventListener("click", onLinkClick, true);
    window.addEventListener("keydown", onKey);
    window.addEventListener("online", onOnline);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("click", onLinkClick, true);
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("beforeunload", onBeforeUnload);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [story.draft]);

  const resolveConflict = (choice: "theirs" | "mine") => {
    if (!conflict) return;
    const l = live.current;
    l.conflict = false;
    l.baseVersion = conflict.version;
    l.lastSaved = fromServer(conflict);
    setConflict(null);
    setMeta((m) => ({ ...m, status: conflict.status as TStatus }));
    if (choice === "theirs") {
      const theirs = fromServer(conflict);
      l.draft = theirs;
      setDraft(theirs);
      setReplaceBody(theirs.body);
      setSaveState("saved");
      setMessage("Loaded the saved version. Your earlier text is below, to copy back what you need.");
      localStorage.removeItem(storageKey(l.storyId));
    } else {
      setMineAtConflict(null);
      setMessage(null);
      setSaveState("unsaved");
      void saveRef.current();
    }
  };

  /**
   * Run a workflow step on the saved version (publish, submit, schedule, embargo…)
   * and take the story's new state and version from the answer. True when it worked.
   */
  const act = async (call: (ids: { storyId: string; baseVersion: number }) => Promise<TSaveResult>, done: (saved: TSaved) => string): Promise<boolean> => {
    const l = live.current;
    if (!l.storyId || l.baseVersion === null) return false;
    setBusy(true);
    try {
      const result = await call({ storyId: l.storyId, baseVersion: l.baseVersion });
      if (result.ok) {
        l.baseVersion = result.data.version;
        setMeta((m) => toStoryMeta(result.data, m.createdById));
        setFieldErrors({});
        setMessage(done(result.data));
        return true;
      }
      setMessage(result.error.code === "CONFLICT" ? "Someone else changed this story meanwhile. Reload the page to see their version, then try again." : result.error.message);
      setFieldErrors(result.error.fieldErrors ?? {});
      return false;
    } catch {
      setMessage("The server could not be reached. Try again when the connection is back.");
      return false;
    } finally {
      setBusy(false);
    }
  };

  const runAction = (action: TAction, extra: { at?: string; note?: string } = {}) =>
    act((ids) => workflowAction({ ...ids, action, ...extra }), (saved) => DONE[action](saved));

  const restore = async (number: number) => {
    if (saveState !== "saved") {
      setMessage("Save or undo your changes before restoring an older revision.");
      return;
    }
    if (await act((ids) => restoreRevisionAction({ ...ids, number }), () => `Restored revision ${number}.`)) {
      // The restored text replaces what is on screen: load it as saved.
      localStorage.removeItem(storageKey(live.current.storyId));
      window.location.reload();
    }
  };

  const discard = async () => {
    if (await act((ids) => discardPendingAction(ids), () => "Discarded the unpublished changes.")) {
      localStorage.removeItem(storageKey(live.current.storyId));
      window.location.reload();
    }
    return true;
  };

  /** Save credits at once, in turn with story saves (both move the story's version). */
  const saveCredits = async (next: TEditorCredit[]): Promise<string | null> => {
    const l = live.current;
    for (let waited = 0; l.saving && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    if (!l.storyId || l.baseVersion === null || l.saving) return "The story is still being saved; try again in a moment.";
    l.saving = true;
    try {
      const result = await saveCreditsAction({
        storyId: l.storyId,
        baseVersion: l.baseVersion,
        credits: next.map((c) => ({ personId: c.person.id, role: c.role, location: c.location, override: c.override })),
      });
      if (!result.ok) {
        return result.error.code === "CONFLICT" ? "Someone else saved this story meanwhile. Reload the page to see the current credits, then make your change again." : result.error.message;
      }
      l.baseVersion = result.data.version;
      setCredits(next);
      // On a published story, credits join the pending update like any other change.
      setMeta((m) => (m.status === "PUBLISHED" ? { ...m, hasPending: true } : m));
      return null;
    } catch {
      return "The server could not be reached; the credits were not changed. Try again when the connection is back.";
    } finally {
      l.saving = false;
    }
  };

  const statusId = "story-save-status";
  return (
    <MediaCatalogProvider initial={story.media} maxUploadBytes={maxUploadBytes}>
    <div className="flex flex-col gap-5">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-ink/15 bg-paper/95 px-4 py-3">
        <p id={statusId} role="status" aria-live="polite" data-state={saveState} className="text-sm font-semibold">
          <span className={saveState === "saved" ? "text-green-800" : saveState === "conflict" || saveState === "error" ? "text-accent" : "text-ink/80"}>
            {STATUS_TEXT[saveState]}
          </span>
          <span className="ml-2 font-normal text-ink/60">
            · {STATUS_LABEL[meta.status]}
            {meta.hasPending ? " · unpublished changes" : ""}
            {meta.embargoUntil && new Date(meta.embargoUntil) > new Date() ? " · embargoed" : ""}
          </span>
        </p>
        <div className="ml-auto flex flex-wrap gap-2">
          {storyId && (
            <Link href={`/newsroom/stories/${storyId}/preview`} className="rounded border border-ink/30 px-3 py-2 text-sm font-semibold" target="_blank">
              Preview
            </Link>
          )}
          <Button variant="secondary" onClick={() => void save()} disabled={!canEdit || saveState === "saving" || saveState === "conflict"} aria-keyshortcuts="Control+S Meta+S">
            Save
          </Button>
        </div>
        {message && (
          <p role="alert" className="w-full text-sm text-ink/80">
            {message}
          </p>
        )}
        <MissingAltText errors={fieldErrors} />
      </div>

      {storyId && <PresenceNote storyId={storyId} />}
      {!canEdit && (
        <p role="note" className="rounded border border-ink/20 bg-white p-3 text-sm">
          {meta.status === "ARCHIVED"
            ? "This story is archived: no one changes it unless an editor unarchives it."
            : meta.status === "IN_REVIEW"
              ? "This story is with the desk. Withdraw it to make changes."
              : "This story has left the draft stage, so changes now go through an editor. You can read it here; ask the desk for corrections."}
        </p>
      )}
      {storyId && (
        <WorkflowPanel
          actor={actor}
          meta={meta}
          timeZone={timeZone}
          busy={busy}
          dirty={saveState !== "saved"}
          canEdit={canEdit}
          onAction={runAction}
          onEmbargo={(until) => act((ids) => embargoAction({ ...ids, until }), (saved) => (saved.embargoUntil ? "Embargo set." : "Embargo lifted."))}
          onDiscard={discard}
        />
      )}

      {conflict && mineAtConflict && (
        <ConflictPanel theirs={fromServer(conflict)} mine={mineAtConflict} onLoadTheirs={() => resolveConflict("theirs")} onKeepMine={() => resolveConflict("mine")} />
      )}
      {!conflict && mineAtConflict && <EarlierText mine={mineAtConflict} onDismiss={() => setMineAtConflict(null)} />}

      <fieldset disabled={!canEdit} className="contents">
        <Field label="Headline" value={draft.headline} errors={fieldErrors.headline} onChange={(e) => update(slugTouched ? { headline: e.target.value } : { headline: e.target.value, slug: slugify(e.target.value) })} className="text-xl" />
        <Field label="Dek (subheadline)" value={draft.dek} errors={fieldErrors.dek} onChange={(e) => update({ dek: e.target.value })} />
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Dateline" placeholder="BEIJING" value={draft.dateline} errors={fieldErrors.dateline} onChange={(e) => update({ dateline: e.target.value })} />
          <Field
            label="URL slug"
            value={draft.slug}
            errors={fieldErrors.slug}
            onChange={(e) => {
              setSlugTouched(true);
              update({ slug: e.target.value });
            }}
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="story-section" className="text-sm font-semibold">
              Section
            </label>
            <select id="story-section" value={draft.sectionId} onChange={(e) => update({ sectionId: e.target.value })} className="rounded border border-ink/30 bg-white px-3 py-2">
              <option value="">No section</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <Field label="Tags (separated by commas)" placeholder="Border, trade talks" value={draft.tags} errors={fieldErrors.tags} onChange={(e) => update({ tags: e.target.value })} />
        <LeadPhotoPanel
          mediaId={draft.leadMediaId}
          caption={draft.leadCaption}
          errors={fieldErrors.leadMediaId ?? fieldErrors.media}
          onChange={(patch) => update(patch)}
        />
      </fieldset>
      {storyId ? (
        <CreditsPanel credits={credits} onSave={saveCredits} disabled={!canEdit || saveState === "conflict"} />
      ) : (
        <p className="text-sm text-ink/70">Credits can be added once the story has been saved (it saves itself as you type).</p>
      )}
      <div>
        <p className="mb-1 text-sm font-semibold" id="story-body-label">
          Story
        </p>
        {fieldErrors.body && (
          <p id="story-body-error" className="mb-1 text-sm text-accent">
            {fieldErrors.body.join(" ")}
          </p>
        )}
        <RichTextEditor editable={canEdit} initial={recovered?.draft.body ?? story.draft.body} replaceWith={replaceBody} onChange={(body) => update({ body })} describedBy={fieldErrors.body ? "story-body-error" : undefined} />
      </div>
      {storyId && <HistoryPanel storyId={storyId} timeZone={timeZone} canRestore={canEdit} onRestore={restore} />}
    </div>
    </MediaCatalogProvider>
  );
}

function copyText(d: TDraft) {
  return [d.headline, d.dek, d.dateline ? `${d.dateline.toUpperCase()} —` : "", plainText(d.body), d.tags ? `Tags: ${d.tags}` : ""].filter(Boolean).join("\n\n");
}

function ConflictPanel({ theirs, mine, onLoadTheirs, onKeepMine }: { theirs: TDraft; mine: TDraft; onLoadTheirs: () => void; onKeepMine: () => void }) {
  return (
    <section aria-labelledby="conflict-heading" className="rounded border-2 border-accent bg-white p-4">
      <h2 id="conflict-heading" className="text-lg font-semibold">
        Someone else saved this story while you were editing
      </h2>
      <p className="mt-1 text-sm text-ink/80">Nothing is lost. Compare the two versions, then choose. Their text is never replaced unless you say so.</p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold">Their saved version</h3>
          <pre data-testid="conflict-theirs" className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-ink/5 p-2 font-serif text-sm">
            {copyText(theirs)}
          </pre>
        </div>
        <div>
          <h3 className="text-sm font-semibold">Your version</h3>
          <pre data-testid="conflict-mine" className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-ink/5 p-2 font-serif text-sm">
            {copyText(mine)}
          </pre>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(copyText(mine))}>
          Copy my text
        </Button>
        <Button variant="secondary" onClick={onLoadTheirs}>
          Load their version
        </Button>
        <Button onClick={onKeepMine}>Replace theirs with mine</Button>
      </div>
    </section>
  );
}

function EarlierText({ mine, onDismiss }: { mine: TDraft; onDismiss: () => void }) {
  return (
    <section aria-labelledby="earlier-heading" className="rounded border border-ink/20 bg-white p-4">
      <h2 id="earlier-heading" className="text-sm font-semibold">
        Your earlier text
      </h2>
      <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-ink/5 p-2 font-serif text-sm">{copyText(mine)}</pre>
      <div className="mt-2 flex gap-2">
        <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(copyText(mine))}>
          Copy my text
        </Button>
        <Button variant="secondary" onClick={onDismiss}>
          Done
        </Button>
      </div>
    </section>
  );
}
