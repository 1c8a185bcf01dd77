"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { TFormState } from "@/components/ui/action-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { toActionError, type TActionResult } from "@/lib/errors";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { mediaChangeTags } from "@/lib/cache/tags";
import { formText, runFormTask } from "@/lib/form-task";
import { deleteMedia, updateMedia } from "@/lib/media/mutations";
import { listMedia, toDisplayMedia, type TDisplayMedia } from "@/lib/media/queries";

const run = (task: () => Promise<string>) => runFormTask("Media library", "/newsroom/media", task);

export async function updateMediaAction(_: TFormState, data: FormData): Promise<TFormState> {
  return run(async () => {
    const mediaId = formText(data, "mediaId");
    await updateMedia({
      actor: await getCurrentUser(),
      mediaId,
      data: {
        alt: formText(data, "alt"),
        caption: formText(data, "caption"),
        creditPersonId: formText(data, "creditPersonId"),
        creditText: formText(data, "creditText"),
        source: formText(data, "source"),
        copyrightHolder: formText(data, "copyrightHolder"),
        copyrightYear: formText(data, "copyrightYear").trim(),
        focalX: formText(data, "focalX") || undefined,
        focalY: formText(data, "focalY") || undefined,
      },
    });
    refreshPublicPages(mediaChangeTags(mediaId));
    return "Saved. Stories using this image show the change at once.";
  });
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
