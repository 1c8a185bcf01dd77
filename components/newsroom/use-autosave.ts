import { useCallback, useEffect, useRef, useState } from "react";
import { saveStoryAction } from "@/lib/actions/stories";
import { toStoryMeta, type TSaveResult, type TServerCopy, type TStoryMeta } from "@/lib/stories/editor-state";
import type { TStatus } from "@/lib/stories/workflow";
import type { TRichDoc } from "@/lib/richtext/types";
import { sameDraft, toDraft, type TDraft, type TEditorStory } from "./story-draft";
import { forgetLocalDraft, keepLocalDraft, type TStored } from "./use-local-draft";

export type TSaveState = "saved" | "saving" | "unsaved" | "offline" | "conflict" | "error";

/** The latest values, for timers and async callbacks (state lags a render behind). */
export type TLive = { draft: TDraft; storyId: string | null; baseVersion: number | null; lastSaved: TDraft; saving: boolean; conflict: boolean };

const AUTOSAVE_DELAY_MS = 2000;
const RETRY_DELAY_MS = 3000;
/** While the server or its database is unreachable: retry after 1 s, 2 s, 4 s, then every 5 s. */
const retryDelayMs = (attempt: number) => Math.min(5000, 1000 * 2 ** attempt);

/**
 * The story's fields as typed, saved two seconds after the last change (at once on
 * Ctrl+S or when the connection is back), version-checked, kept in this browser
 * until saved. A save that meets someone else's holds both versions in `conflict`
 * and `mineAtConflict` until `resolveConflict` is told which one wins.
 */
export function useAutosave(story: Pick<TEditorStory, "id" | "version" | "meta" | "draft">, recovered: TStored | null) {
  const [storyId, setStoryId] = useState(story.id);
  const [meta, setMeta] = useState<TStoryMeta>(story.meta);
  const [draft, setDraft] = useState<TDraft>(recovered?.draft ?? story.draft);
  const [saveState, setSaveState] = useState<TSaveState>(recovered ? "unsaved" : "saved");
  const [message, setMessage] = useState<string | null>(recovered ? "Recovered changes that had not been saved from this browser." : null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [conflict, setConflict] = useState<TServerCopy | null>(null);
  const [mineAtConflict, setMineAtConflict] = useState<TDraft | null>(null);
  const [replaceBody, setReplaceBody] = useState<TRichDoc | null>(null);

  const live = useRef<TLive>({ draft, storyId, baseVersion: recovered?.baseVersion ?? story.version, lastSaved: story.draft, saving: false, conflict: false });
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
    if (l.storyId && sameDraft(l.draft, l.lastSaved)) {
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
      l.baseVersion = result.data.version;
      l.lastSaved = { ...snapshot, slug: result.data.slug };
      setMeta((m) => toStoryMeta(result.data, m.createdById));
      setFieldErrors({});
      setMessage(null);
      if (!l.storyId) {
        l.storyId = result.data.id;
        setStoryId(result.data.id);
        forgetLocalDraft(null);
        window.history.replaceState(null, "", `/newsroom/stories/${result.data.id}`);
      }
      if (result.data.slug !== l.draft.slug) {
        // The server made the slug unique (or tidied it).
        const next = { ...l.draft, slug: result.data.slug };
        if (sameDraft({ ...snapshot, slug: next.slug }, next)) l.lastSaved = next;
        l.draft = next;
        setDraft(next);
      }
      if (sameDraft(l.draft, l.lastSaved)) {
        forgetLocalDraft(l.storyId);
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
      keepLocalDraft(l.storyId, l.baseVersion, next);
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
    window.addEventListener("keydown", onKey);
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("online", onOnline);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [story.draft]);

  /** Anything a reload or leaving the page would lose from the page (it stays in this browser). */
  const hasUnsavedWork = useCallback(() => {
    const l = live.current;
    return l.conflict || l.saving || (l.storyId ? !sameDraft(l.draft, l.lastSaved) : !sameDraft(l.draft, story.draft));
  }, [story.draft]);

  const resolveConflict = (choice: "theirs" | "mine") => {
    if (!conflict) return;
    const l = live.current;
    l.conflict = false;
    l.baseVersion = conflict.version;
    l.lastSaved = toDraft(conflict);
    setConflict(null);
    setMeta((m) => ({ ...m, status: conflict.status as TStatus }));
    if (choice === "theirs") {
      const theirs = toDraft(conflict);
      l.draft = theirs;
      setDraft(theirs);
      setReplaceBody(theirs.body);
      setSaveState("saved");
      setMessage("Loaded the saved version. Your earlier text is below, to copy back what you need.");
      forgetLocalDraft(l.storyId);
    } else {
      setMineAtConflict(null);
      setMessage(null);
      setSaveState("unsaved");
      void saveRef.current();
    }
  };

  return {
    live,
    storyId,
    meta,
    setMeta,
    draft,
    update,
    save,
    saveState,
    message,
    setMessage,
    fieldErrors,
    setFieldErrors,
    conflict,
    mineAtConflict,
    dismissEarlierText: () => setMineAtConflict(null),
    resolveConflict,
    replaceBody,
    hasUnsavedWork,
  };
}
