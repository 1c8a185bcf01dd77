"use server";

import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, toActionError, type TActionResult } from "@/lib/errors";
import { createStory, publishStory, unpublishStory, updateStory } from "@/lib/stories/mutations";
import { getStoryForEditor } from "@/lib/stories/queries";
import type { TStoryContent, TStoryFields } from "@/lib/stories/schemas";

type TSaved = { id: string; slug: string; version: number; status: string; updatedAt: string };

/** The server's copy of a story, sent with a CONFLICT so the editor can compare. */
export type TServerCopy = TStoryContent & { version: number; status: string };

export type TSaveResult = TActionResult<TSaved> | (Extract<TActionResult<never>, { ok: false }> & { current?: TServerCopy });

const ZSaveInput = z.object({ storyId: z.string().max(64).nullable(), baseVersion: z.number().int().min(0).nullable(), fields: z.record(z.string(), z.unknown()) });
const ZStatusInput = z.object({ storyId: z.string().max(64), baseVersion: z.number().int().min(0) });

const saved = (s: { id: string; slug: string; version: number; status: string; updatedAt: Date }): TSaved => ({ ...s, updatedAt: s.updatedAt.toISOString() });

async function withConflictCopy(err: unknown, storyId: string | null): Promise<TSaveResult> {
  const result = toActionError(err);
  if (result.error.code !== "CONFLICT" || !storyId) return result;
  const actor = await getCurrentUser();
  const s = await getStoryForEditor({ actor, storyId }).catch(() => null);
  if (!s) return result;
  return { ...result, current: {
      version: s.version,
      headline: s.headline,
      dek: s.dek,
      dateline: s.dateline,
      slug: s.slug,
      sectionId: s.sectionId,
      leadMediaId: s.leadMediaId,
      leadCaption: s.leadCaption,
      body: s.body,
      status: s.status,
    },
  };
}

/** Save the editor: create the story on its first save, then update it based on `baseVersion`. */
export async function saveStoryAction(input: unknown): Promise<TSaveResult> {
  const parsed = ZSaveInput.safeParse(input);
  if (!parsed.success) return toActionError(new AppError("INVALID_INPUT", "The save request was malformed."));
  const { storyId, baseVersion, fields } = parsed.data;
  try {
    const actor = await getCurrentUser();
    const data = fields as TStoryFields;
    if (!storyId) return { ok: true, data: saved(await createStory({ actor, data })) };
    if (baseVersion === null) throw new AppError("INVALID_INPUT", "The save request was malformed.");
    return { ok: true, data: saved(await updateStory({ actor, storyId, baseVersion, data })) };
  } catch (err) {
    return withConflictCopy(err, storyId);
  }
}

type TStatusChange = typeof publishStory;

/** Publish or unpublish the version the editor is looking at. */
async function changeStatus(change: TStatusChange, input: unknown): Promise<TSaveResult> {
  const parsed = ZStatusInput.safeParse(input);
  if (!parsed.success) return toActionError(new AppError("INVALID_INPUT", "The request was malformed."));
  try {
    return { ok: true, data: saved(await change({ actor: await getCurrentUser(), ...parsed.data })) };
  } catch (err) {
    return withConflictCopy(err, parsed.data.storyId);
  }
}

export async function publishStoryAction(input: unknown): Promise<TSaveResult> {
  return changeStatus(publishStory, input);
}

export async function unpublishStoryAction(input: unknown): Promise<TSaveResult> {
  return changeStatus(unpublishStory, input);
}
