"use server";

import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { AppError, toActionError, type TActionResult } from "@/lib/errors";
import { TIME_ZONE } from "@/lib/site";
import { storyChange } from "@/lib/stories/cache-tags";
import { changeStoryState, createStory, discardPendingUpdate, restoreRevision, setEmbargo, updateStory, type TSavedStory } from "@/lib/stories/mutations";
import { heartbeat, leaveStory } from "@/lib/stories/presence";
import { getStoryForEditor } from "@/lib/stories/queries";
import { compareRevisions, listRevisions, type TFieldDiff } from "@/lib/stories/revisions";
import type { TStoryContent, TStoryFields } from "@/lib/stories/schemas";
import { ACTIONS } from "@/lib/stories/workflow";
import { wallTimeToUtc } from "@/lib/time";

/** What the editor learns after a save or a change of state (dates as ISO strings). */
export type TSaved = {
  id: string;
  slug: string;
  version: number;
  status: string;
  updatedAt: string;
  hasPending: boolean;
  scheduledAt: string | null;
  unpublishAt: string | null;
  embargoUntil: string | null;
  deskNote: string | null;
  notice: string | null;
};

/** The server's copy of a story, sent with a CONFLICT so the editor can compare. */
export type TServerCopy = TStoryContent & { version: number; status: string };

export type TSaveResult = TActionResult<TSaved> | (Extract<TActionResult<never>, { ok: false }> & { current?: TServerCopy });

const ZSaveInput = z.object({
  storyId: z.string().max(64).nullable(),
  baseVersion: z.number().int().min(0).nullable(),
  fields: z.record(z.string(), z.unknown()),
  /** The button or Ctrl/Cmd+S: its own revision (typing is coalesced). */
  explicit: z.boolean().optional(),
});
const ZStatusInput = z.object({ storyId: z.string().max(64), baseVersion: z.number().int().min(0) });
const ZTransition = ZStatusInput.extend({
  action: z.enum(ACTIONS),
  /** A wall time in the newsroom's time zone, from a datetime-local input. */
  at: z.string().max(40).nullish(),
  note: z.string().max(2000).nullish(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const saved = (s: TSavedStory): TSaved => ({ ...s, updatedAt: s.updatedAt.toISOString(), scheduledAt: iso(s.scheduledAt), unpublishAt: iso(s.unpublishAt), embargoUntil: iso(s.embargoUntil) });

async function withConflictCopy(err: unknown, storyId: string | null): Promise<TSaveResult> {
  const result = toActionError(err);
  if (result.error.code !== "CONFLICT" || !storyId) return result;
  const actor = await getCurrentUser();
  const s = await getStoryForEditor({ actor, storyId }).catch(() => null);
  if (!s) return result;
  const { version, headline, dek, dateline, slug, sectionId, leadMediaId, leadCaption, tags, body, status } = s;
  return { ...result, current: { version, headline, dek, dateline, slug, sectionId, leadMediaId, leadCaption, tags, body, status } };
}

/** Save the editor: create the story on its first save, then update it based on `baseVersion`. */
export async function saveStoryAction(input: unknown): Promise<TSaveResult> {
  const parsed = ZSaveInput.safeParse(input);
  if (!parsed.success) return toActionError(new AppError("INVALID_INPUT", "The save request was malformed."));
  const { storyId, baseVersion, fields, explicit } = parsed.data;
  try {
    const actor = await getCurrentUser();
    const data = fields as TStoryFields;
    if (!storyId) return { ok: true, data: saved(await createStory({ actor, data })) };
    if (baseVersion === null) throw new AppError("INVALID_INPUT", "The save request was malformed.");
    return { ok: true, data: saved(await updateStory({ actor, storyId, baseVersion, data, kind: explicit ? "SAVE" : "AUTOSAVE" })) };
  } catch (err) {
    return withConflictCopy(err, storyId);
  }
}

/** A wall time from the editor, in the newsroom's zone; a clear refusal when it is not one. */
function parseWallTime(at: string | null | undefined): Date | null {
  if (!at) return null;
  const date = wallTimeToUtc(at, TIME_ZONE);
  if (!date) throw new AppError("INVALID_INPUT", "That is not a date and time. Use the picker, e.g. 2026-12-01 10:00.");
  return date;
}

/** Move the story through the workflow: submit, return, publish, schedule… (the state machine decides). */
export async function workflowAction(input: unknown): Promise<TSaveResult> {
  const parsed = ZTransition.safeParse(input);
  if (!parsed.success) return toActionError(new AppError("INVALID_INPUT", "The request was malformed."));
  const { storyId, baseVersion, action, at, note } = parsed.data;
  try {
    const actor = await getCurrentUser();
    const when = parseWallTime(at);
    const { result, tags } = await storyChange(storyId, () => changeStoryState({ actor, storyId, baseVersion, action, at: when, note }));
    refreshPublicPages(tags);
    return { ok: true, data: saved(result) };
  } catch (err) {
    return withConflictCopy(err, storyId);
  }
}

/** Set (a wall time) or lift (null) the story's embargo. */
export async function embargoAction(input: unknown): Promise<TSaveResult> {
  const parsed = ZStatusInput.extend({ until: z.string().max(40).nullable() }).safeParse(input);
  if (!parsed.success) return toActionError(new AppError("INVALID_INPUT", "The request was malformed."));
  const { storyId, baseVersion, until } = parsed.data;
  try {
    const actor = await getCurrentUser();
    const when = parseWallTime(until);
    const { result, tags } = await storyChange(storyId, () => setEmbargo({ actor, storyId, baseVersion, until: when }));
    refreshPublicPages(tags);
    return { ok: true, data: saved(result) };
  } catch (err) {
    return withConflictCopy(err, storyId);
  }
}

export async function discardPendingAction(input: unknown): Promise<TSaveResult> {
  const parsed = ZStatusInput.safeParse(input);
  if (!parsed.success) return toActionError(new AppError("INVALID_INPUT", "The request was malformed."));
  try {
    return { ok: true, data: saved(await discardPendingUpdate({ actor: await getCurrentUser(), ...parsed.data })) };
  } catch (err) {
    return withConflictCopy(err, parsed.data.storyId);
  }
}

export type TRevisionItem = { number: number; kind: string; status: string; summary: string | null; at: string; author: string | null };

export async function listRevisionsAction(storyId: unknown): Promise<TActionResult<TRevisionItem[]>> {
  try {
    const id = z.string().max(64).parse(storyId);
    const revisions = await listRevisions({ actor: await getCurrentUser(), storyId: id });
    return { ok: true, data: revisions.map((r) => ({ number: r.number, kind: r.kind, status: r.status, summary: r.summary, at: r.updatedAt.toISOString(), author: r.author?.name ?? null })) };
  } catch (err) {
    return toActionError(err);
  }
}

export async function compareRevisionsAction(input: unknown): Promise<TActionResult<TFieldDiff[]>> {
  try {
    const { storyId, from, to } = z.object({ storyId: z.string().max(64), from: z.number().int().min(1), to: z.number().int().min(1) }).parse(input);
    return { ok: true, data: await compareRevisions({ actor: await getCurrentUser(), storyId, from, to }) };
  } catch (err) {
    return toActionError(err);
  }
}

export async function restoreRevisionAction(input: unknown): Promise<TSaveResult> {
  const parsed = ZStatusInput.extend({ number: z.number().int().min(1) }).safeParse(input);
  if (!parsed.success) return toActionError(new AppError("INVALID_INPUT", "The request was malformed."));
  try {
    return { ok: true, data: saved(await restoreRevision({ actor: await getCurrentUser(), ...parsed.data })) };
  } catch (err) {
    return withConflictCopy(err, parsed.data.storyId);
  }
}

/** The editor's heartbeat: who else has this story open. */
export async function presenceAction(storyId: unknown): Promise<TActionResult<{ id: string; name: string }[]>> {
  try {
    return { ok: true, data: await heartbeat({ actor: await getCurrentUser(), storyId: z.string().max(64).parse(storyId) }) };
  } catch (err) {
    return toActionError(err);
  }
}

export async function leaveStoryAction(storyId: unknown): Promise<void> {
  const id = z.string().max(64).safeParse(storyId);
  if (id.success) await leaveStory({ actor: await getCurrentUser(), storyId: id.data }).catch(() => undefined);
}
