import { useState, type Dispatch, type RefObject, type SetStateAction } from "react";
import { discardPendingAction, embargoAction, restoreRevisionAction, workflowAction } from "@/lib/actions/stories";
import { saveCreditsAction } from "@/lib/actions/credits";
import { toStoryMeta, type TSaved, type TSaveResult, type TStoryMeta } from "@/lib/stories/editor-state";
import type { TAction } from "@/lib/stories/workflow";
import type { TEditorCredit } from "./credits-panel";
import type { TLive, TSaveState } from "./use-autosave";
import { forgetLocalDraft } from "./use-local-draft";

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

/**
 * Wait (up to 10 s) until no other write of this story is under way: a save, a
 * credits change or a step all move the version, so each must start from the
 * version the one before it left (a Publish clicked while the credits were
 * still saving was refused as "someone else changed this story").
 */
async function myTurn(l: TLive): Promise<boolean> {
  for (let waited = 0; l.saving && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  return !l.saving;
}

/**
 * The writes beside the autosave that also move the story's version: workflow
 * steps, the embargo, restoring a revision, discarding pending changes, credits.
 * Each works on the saved version and takes the new version from the answer.
 */
export function useStorySteps({
  liveRef,
  saveState,
  initialCredits,
  setMeta,
  setMessage,
  setFieldErrors,
}: {
  liveRef: RefObject<TLive>;
  saveState: TSaveState;
  initialCredits: TEditorCredit[];
  setMeta: Dispatch<SetStateAction<TStoryMeta>>;
  setMessage: (message: string | null) => void;
  setFieldErrors: (errors: Record<string, string[] | undefined>) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [credits, setCredits] = useState<TEditorCredit[]>(initialCredits);

  /**
   * Run a workflow step on the saved version (publish, submit, schedule, embargo…)
   * and take the story's new state and version from the answer. True when it worked.
   */
  const act = async (call: (ids: { storyId: string; baseVersion: number }) => Promise<TSaveResult>, done: (saved: TSaved) => string): Promise<boolean> => {
    const l = liveRef.current;
    setBusy(true);
    if (!(await myTurn(l)) || !l.storyId || l.baseVersion === null) {
      setBusy(false);
      if (l.storyId) setMessage("The story is still being saved; try again in a moment.");
      return false;
    }
    l.saving = true;
    try {
      const result = await call({ storyId: l.storyId, baseVersion: l.baseVersion });
      if (result.ok) {
        l.baseVersion = result.data.version;
        setMeta((m) => toStoryMeta(result.data, m.createdById));
        setFieldErrors({});
        setMessage(done(result.data));
        return true;
      }
      setMessage(
        result.error.code === "CONFLICT"
          ? "Someone else changed this story meanwhile. Reload the page to see their version, then try again."
          : result.error.message,
      );
      setFieldErrors(result.error.fieldErrors ?? {});
      return false;
    } catch {
      setMessage("The server could not be reached. Try again when the connection is back.");
      return false;
    } finally {
      l.saving = false;
      setBusy(false);
    }
  };

  const runAction = (action: TAction, extra: { at?: string; note?: string } = {}) =>
    act(
      (ids) => workflowAction({ ...ids, action, ...extra }),
      (saved) => DONE[action](saved),
    );

  const embargo = (until: string | null) =>
    act(
      (ids) => embargoAction({ ...ids, until }),
      (saved) => (saved.embargoUntil ? "Embargo set." : "Embargo lifted."),
    );

  const restore = async (number: number) => {
    if (saveState !== "saved") {
      setMessage("Save or undo your changes before restoring an older revision.");
      return;
    }
    if (
      await act(
        (ids) => restoreRevisionAction({ ...ids, number }),
        () => `Restored revision ${number}.`,
      )
    ) {
      // The restored text replaces what is on screen: load it as saved.
      forgetLocalDraft(liveRef.current.storyId);
      window.location.reload();
    }
  };

  const discard = async () => {
    if (
      await act(
        (ids) => discardPendingAction(ids),
        () => "Discarded the unpublished changes.",
      )
    ) {
      forgetLocalDraft(liveRef.current.storyId);
      window.location.reload();
    }
    return true;
  };

  /** Save credits at once, in turn with story saves (both move the story's version). */
  const saveCredits = async (next: TEditorCredit[]): Promise<string | null> => {
    const l = liveRef.current;
    if (!(await myTurn(l)) || !l.storyId || l.baseVersion === null) return "The story is still being saved; try again in a moment.";
    l.saving = true;
    try {
      const result = await saveCreditsAction({
        storyId: l.storyId,
        baseVersion: l.baseVersion,
        credits: next.map((c) => ({ personId: c.person.id, role: c.role, location: c.location, override: c.override })),
      });
      if (!result.ok) {
        return result.error.code === "CONFLICT"
          ? "Someone else saved this story meanwhile. Reload the page to see the current credits, then make your change again."
          : result.error.message;
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

  return { busy, credits, runAction, embargo, restore, discard, saveCredits };
}
