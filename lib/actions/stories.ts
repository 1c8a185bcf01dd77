"use server";

import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { TIME_ZONE } from "@/lib/site";
import { toSaved, type TRevisionItem, type TSaveResult, type TServerCopy } from "@/lib/stories/editor-state";
import { createStory, discardPendingUpdate, restoreRevision, updateStory } from "@/lib/stories/mutations";
import { changeStoryState, setEmbargo } from "@/lib/stories/transitions";
import { heartbeat, leaveStory } from "@/lib/stories/presence";
import { getStoryForEditor } from "@/lib/stories/queries";
import { compareRevisions, listRevisions } from "@/lib/stories/revisions";
import type { TStoryFields } from "@/lib/stories/schemas";
import { ACTIONS } from "@/lib/stories/workflow";
import { wallTimeToUtc } from "@/lib/time";
import { action } from "./define";

/** The story editor's server actions: saves, workflow steps, history, presence. */

const ZId = z.string().max(64);
const ZStoryVersion = z.object({ storyId: ZId, baseVersion: z.number().int().min(0) });

/** A CONFLICT carries the server's copy, so the editor can compare it with what was typed. */
async function withServerCopy(
  failure: Extract<TSaveResult, { ok: false }>,
  input: { storyId: string | null } | null,
): Promise<Extract<TSaveResult, { ok: false }>> {
  if (failure.error.code !== "CONFLICT" || !input?.storyId) return failure;
  const s = await getStoryForEditor({ actor: await getCurrentUser(), storyId: input.storyId }).catch(() => null);
  if (!s) return failure;
  const { version, headline, dek, dateline, slug, sectionId, leadMediaId, leadCaption, tags, body, status } = s;
  const current: TServerCopy = { version, headline, dek, dateline, slug, sectionId, leadMediaId, leadCaption, tags, body, status };
  return { ...failure, current };
}

/** A wall time from the editor, in the newsroom's zone; a clear refusal when it is not one. */
function parseWallTime(at: string | null | undefined): Date | null {
  if (!at) return null;
  const date = wallTimeToUtc(at, TIME_ZONE);
  if (!date) throw new AppError("INVALID_INPUT", "That is not a date and time. Use the picker, e.g. 2026-12-01 10:00.");
  return date;
}

const saveOptions = { onError: withServerCopy, malformed: "The save request was malformed." };
const stepOptions = { onError: withServerCopy, malformed: "The request was malformed." };

/** Save the editor: create the story on its first save, then update it based on `baseVersion`. */
export const saveStoryAction = action(
  z.object({
    storyId: ZId.nullable(),
    baseVersion: z.number().int().min(0).nullable(),
    fields: z.record(z.string(), z.unknown()),
    /** The button or Ctrl/Cmd+S: its own revision (typing is coalesced). */
    explicit: z.boolean().optional(),
  }),
  async ({ storyId, baseVersion, fields, explicit }, actor) => {
    const data = fields as TStoryFields;
    if (!storyId) return toSaved(await createStory({ actor, data }));
    if (baseVersion === null) throw new AppError("INVALID_INPUT", "The save request was malformed.");
    return toSaved(await updateStory({ actor, storyId, baseVersion, data, kind: explicit ? "SAVE" : "AUTOSAVE" }));
  },
  saveOptions,
);

/** Move the story through the workflow: submit, return, publish, schedule… (the state machine decides). */
export const workflowAction = action(
  ZStoryVersion.extend({
    action: z.enum(ACTIONS),
    /** A wall time in the newsroom's time zone, from a datetime-local input. */
    at: z.string().max(40).nullish(),
    note: z.string().max(2000).nullish(),
  }),
  async ({ storyId, baseVersion, action: step, at, note }, actor) =>
    toSaved(await changeStoryState({ actor, storyId, baseVersion, action: step, at: parseWallTime(at), note })),
  stepOptions,
);

/** Set (a wall time) or lift (null) the story's embargo. */
export const embargoAction = action(
  ZStoryVersion.extend({ until: z.string().max(40).nullable() }),
  async ({ storyId, baseVersion, until }, actor) => toSaved(await setEmbargo({ actor, storyId, baseVersion, until: parseWallTime(until) })),
  stepOptions,
);

/** Forget a published story's pending update. */
export const discardPendingAction = action(ZStoryVersion, async (ids, actor) => toSaved(await discardPendingUpdate({ actor, ...ids })), stepOptions);

/** Make an old revision the content again (a new revision). */
export const restoreRevisionAction = action(
  ZStoryVersion.extend({ number: z.number().int().min(1) }),
  async (input, actor) => toSaved(await restoreRevision({ actor, ...input })),
  stepOptions,
);

export const listRevisionsAction = action(ZId, async (storyId, actor): Promise<TRevisionItem[]> => {
  const revisions = await listRevisions({ actor, storyId });
  return revisions.map((r) => ({
    number: r.number,
    kind: r.kind,
    status: r.status,
    summary: r.summary,
    at: r.updatedAt.toISOString(),
    author: r.author?.name ?? null,
  }));
});

export const compareRevisionsAction = action(z.object({ storyId: ZId, from: z.number().int().min(1), to: z.number().int().min(1) }), async (input, actor) =>
  compareRevisions({ actor, ...input }),
);

/** The editor's heartbeat: who else has this story open. */
export const presenceAction = action(ZId, async (storyId, actor) => heartbeat({ actor, storyId }));

/** The editor closed: forget this person's presence (best effort, nothing to say back). */
export const leaveStoryAction = action(ZId, async (storyId, actor) => {
  await leaveStory({ actor, storyId }).catch(() => undefined);
  return null;
});
