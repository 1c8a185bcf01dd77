"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { mediaDetailsFromForm, toMediaDetails, type TMediaDetailsLoaded, type TMediaDetailsResult } from "@/lib/media/details";
import { deleteMedia, updateMedia } from "@/lib/media/mutations";
import { getMediaForEdit, listMedia, toDisplayMedia } from "@/lib/media/queries";
import { listCreditablePeople } from "@/lib/people/queries";
import { action, formAction, formText, runFormTask, type TFormState } from "./define";

/** The media library and the story editor's photo details and picker. */

/** Which image a details form edits, and the version it was loaded at. */
const ZDetailsTarget = z.object({ mediaId: z.string().min(1).max(64), baseVersion: z.coerce.number().int().min(0) });
const targetOf = (data: FormData) => ZDetailsTarget.safeParse({ mediaId: formText(data, "mediaId"), baseVersion: formText(data, "baseVersion") });
const ZDetailsForm = z.instanceof(FormData).transform((data, ctx) => {
  const target = targetOf(data);
  if (target.success) return { data, ...target.data };
  ctx.addIssue({ code: "custom", message: "No image or version in the form." });
  return z.NEVER;
});

function detailsTarget(data: FormData) {
  const parsed = targetOf(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "The save request was malformed. Reload the page and try again.");
  return parsed.data;
}

export const updateMediaAction = formAction("Media library", "/newsroom/media", async (data, actor) => {
  const { mediaId, baseVersion } = detailsTarget(data);
  await updateMedia({ actor, mediaId, baseVersion, data: mediaDetailsFromForm(data) });
  return "Saved. Stories using this image show the change at once.";
});

/** An image's details for the story editor's photo details dialog, with the people who may be credited. */
export const getMediaDetailsAction = action(z.string().min(1).max(64), async (mediaId, actor): Promise<TMediaDetailsLoaded> => {
  const media = await getMediaForEdit({ actor, mediaId });
  const people = media.canEdit ? await listCreditablePeople({ actor, include: media.creditPersonId }) : [];
  return { media: toMediaDetails(media, media.canEdit), people };
});

/**
 * Save an image's details from the story editor (the same domain function as
 * the Media page): the editor shows the new caption and credit at once. A
 * CONFLICT carries the details as saved by the other person.
 */
export const saveMediaDetailsAction: (data: FormData) => Promise<TMediaDetailsResult> = action(
  ZDetailsForm,
  async ({ data, mediaId, baseVersion }, actor) => {
    const saved = await updateMedia({ actor, mediaId, baseVersion, data: mediaDetailsFromForm(data) });
    return { item: toDisplayMedia(saved), media: toMediaDetails({ ...saved, creditPersonId: saved.creditPerson?.id ?? null }, true) };
  },
  {
    malformed: "The save request was malformed. Reload the page and try again.",
    onError: async (failure, input) => {
      if (failure.error.code !== "CONFLICT" || !input) return failure;
      const current = await getMediaForEdit({ actor: await getCurrentUser(), mediaId: input.mediaId }).catch(() => null);
      return current ? { ...failure, current: toMediaDetails(current, current.canEdit) } : failure;
    },
  },
);

export async function deleteMediaAction(_: TFormState, data: FormData): Promise<TFormState> {
  const result = await runFormTask("Media library", "/newsroom/media", async () => {
    await deleteMedia({ actor: await getCurrentUser(), mediaId: formText(data, "mediaId") });
    return "Deleted.";
  });
  // Outside runFormTask: a redirect is thrown, and must not be taken for a failure.
  if (result?.ok) redirect("/newsroom/media?deleted=1");
  return result;
}

/** Library images for the story editor's picker, newest first, matching what was typed. */
export const searchMediaAction = action(z.string().max(200).catch(""), async (q, actor) => {
  const { items } = await listMedia({ actor, filter: { q } });
  return items.map(toDisplayMedia);
});
