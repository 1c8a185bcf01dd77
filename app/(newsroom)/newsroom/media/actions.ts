"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { TFormState } from "@/components/ui/action-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, toActionError, type TActionResult } from "@/lib/errors";
import { refreshFromBackground, refreshPublicPages } from "@/lib/cache/refresh";
import { mediaChangeTags } from "@/lib/cache/tags";
import { formText, runFormTask } from "@/lib/form-task";
import { mediaDetailsFromForm, toMediaDetails, type TMediaDetailsLoaded, type TMediaDetailsResult } from "@/lib/media/details";
import { deleteMedia, updateMedia } from "@/lib/media/mutations";
import { getMediaForEdit, listMedia, toDisplayMedia, type TDisplayMedia } from "@/lib/media/queries";
import { listCreditablePeople } from "@/lib/people/queries";

const run = (task: () => Promise<string>) => runFormTask("Media library", "/newsroom/media", task);

export async function updateMediaAction(_: TFormState, data: FormData): Promise<TFormState> {
  return run(async () => {
    const { mediaId, baseVersion } = detailsTarget(data);
    await updateMedia({ actor: await getCurrentUser(), mediaId, baseVersion, data: mediaDetailsFromForm(data) });
    refreshPublicPages(mediaChangeTags(mediaId));
    return "Saved. Stories using this image show the change at once.";
  });
}

/** Which image a details form edits, and the version it was loaded at. */
const ZDetailsTarget = z.object({ mediaId: z.string().min(1).max(64), baseVersion: z.coerce.number().int().min(0) });

function detailsTarget(data: unknown) {
  const parsed = data instanceof FormData ? ZDetailsTarget.safeParse({ mediaId: formText(data, "mediaId"), baseVersion: formText(data, "baseVersion") }) : null;
  if (!parsed?.success) throw new AppError("INVALID_INPUT", "The save request was malformed. Reload the page and try again.");
  return parsed.data;
}

/** An image's details for the story editor's photo details dialog, with the people who may be credited. */
export async function getMediaDetailsAction(mediaId: unknown): Promise<TActionResult<TMediaDetailsLoaded>> {
  try {
    const id = z.string().min(1).max(64).parse(mediaId);
    const actor = await getCurrentUser();
    const media = await getMediaForEdit({ actor, mediaId: id });
    const people = media.canEdit ? await listCreditablePeople({ actor, include: media.creditPersonId }) : [];
    return { ok: true, data: { media: toMediaDetails(media, media.canEdit), people } };
  } catch (err) {
    return toActionError(err);
  }
}

/**
 * Save an image's details from the story editor (the same domain function as
 * the Media page): the editor shows the new caption and credit at once, and
 * published stories using the image are refreshed.
 */
export async function saveMediaDetailsAction(data: FormData): Promise<TMediaDetailsResult> {
  let target: z.infer<typeof ZDetailsTarget> | null = null;
  try {
    target = detailsTarget(data);
    const actor = await getCurrentUser();
    const saved = await updateMedia({ actor, mediaId: target.mediaId, baseVersion: target.baseVersion, data: mediaDetailsFromForm(data) });
    // Expired here, the tags would make Next re-render the story editor's route after this action; for a story
    // started at /newsroom/stories/new (its address swapped in place) that remounts the editor and loses its
    // publishing refusal, undo history and open work. The editor has what it needs from this answer, so the
    // pages are expired through the process's own refresh route instead (here only if that cannot be reached).
    const tags = mediaChangeTags(target.mediaId);
    if (!(await refreshFromBackground(tags))) refreshPublicPages(tags);
    return { ok: true, data: { item: toDisplayMedia(saved), media: toMediaDetails({ ...saved, creditPersonId: saved.creditPerson?.id ?? null }, true) } };
  } catch (err) {
    const result = toActionError(err);
    if (result.error.code !== "CONFLICT" || !target) return result;
    const current = await getMediaForEdit({ actor: await getCurrentUser(), mediaId: target.mediaId }).catch(() => null);
    return current ? { ...result, current: toMediaDetails(current, current.canEdit) } : result;
  }
}

export async function deleteMediaAction(_: TFormState, data: FormData): Promise<TFormState> {
  const result = await run(async () => {
    await deleteMedia({ actor: await getCurrentUser(), mediaId: formText(data, "mediaId") });
    return "Deleted.";
  });
  // Outside runFormTask: a redirect is thrown, and must not be taken for a failure.
  if (result?.ok) redirect("/newsroom/media?deleted=1");
  return result;
}

/** Library images for the story editor's picker, newest first, matching what was typed. */
export async function searchMediaAction(q: unknown): Promise<TActionResult<TDisplayMedia[]>> {
  try {
    const text = z.string().max(200).catch("").parse(q);
    const { items } = await listMedia({ actor: await getCurrentUser(), filter: { q: text } });
    return { ok: true, data: items.map(toDisplayMedia) };
  } catch (err) {
    return toActionError(err);
  }
}
