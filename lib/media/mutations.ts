import "server-only";
import { webcrypto } from "node:crypto";
import { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { formatMegabytes, maxUploadBytes } from "./config";
import { altTextField } from "./details";
import { inspectUpload } from "./image";
import { canEditMedia, canUseMedia } from "./permissions";
import { MEDIA_ITEM, type TMediaItem } from "./queries";
import { cleanFilename, ZMediaUpdate, type TMediaUpdate } from "./schemas";
import { mediaStorage } from "./storage";
import { mediaIdsIn } from "@/lib/richtext/text";
import { visibleStoryWhere } from "@/lib/stories/access";
import { EXTENSION } from "./variants";
import { recordChanges } from "@/lib/changes";

type Tx = Prisma.TransactionClient;

const variantsPrefix = (id: string) => `variants/${id}/`;

function requireMember(actor: TActor | null): asserts actor is TActor {
  if (!actor) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again to upload.");
  if (!canUseMedia(actor)) throw new AppError("FORBIDDEN", "Your role does not allow uploading images.");
}

/**
 * Add an image to the library. The file is judged by its bytes and decoded in
 * full before anything is stored; a refusal leaves nothing behind. The original
 * is kept as uploaded (never served); the same file uploaded again returns the
 * first copy.
 */
export async function uploadMedia({
  actor,
  filename,
  data,
}: {
  actor: TActor | null;
  filename: string | null;
  data: Buffer;
}): Promise<{ media: TMediaItem; duplicate: boolean }> {
  requireMember(actor);
  const max = maxUploadBytes();
  if (data.length > max)
    throw new AppError("TOO_LARGE", `This file is larger than the ${formatMegabytes(max)} limit. Resize or compress it, then upload it again.`);
  if (data.length === 0) throw new AppError("INVALID_INPUT", "This file is empty.");
  const image = await inspectUpload(data);
  // WebCrypto hashes on the thread pool: 20 MB through createHash would hold the event loop ~40 ms.
  const sha256 = Buffer.from(await webcrypto.subtle.digest("SHA-256", data)).toString("hex");
  const existing = await prisma.media.findUnique({ where: { sha256 }, select: MEDIA_ITEM });
  if (existing) return { media: existing, duplicate: true };

  const storageKey = `originals/${sha256.slice(0, 2)}/${sha256}.${EXTENSION[image.format]}`;
  await mediaStorage().put(storageKey, data);
  try {
    const media = await prisma.media.create({
      data: {
        storageKey,
        sha256,
        filename: cleanFilename(filename),
        format: image.format,
        width: image.width,
        height: image.height,
        bytes: data.length,
        ...image.prefill,
        uploadedById: actor.kind === "user" ? actor.id : null,
      },
      select: MEDIA_ITEM,
    });
    return { media, duplicate: false };
  } catch (err) {
    // The same file, uploaded at the same moment by someone else: theirs is ours.
    const raced = await prisma.media.findUnique({ where: { sha256 }, select: MEDIA_ITEM });
    if (raced) return { media: raced, duplicate: true };
    await mediaStorage().remove(storageKey);
    throw err;
  }
}

async function loadEditable(tx: Tx, actor: TActor | null, mediaId: string) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again; your input is kept.");
  const media = await tx.media.findUnique({
    where: { id: mediaId },
    select: { id: true, uploadedById: true, storageKey: true, focalX: true, focalY: true, creditPersonId: true },
  });
  if (!media || !canUseMedia(actor)) throw new AppError("NOT_FOUND", "That image is not in the library.");
  if (!canEditMedia(actor, media)) throw new AppError("FORBIDDEN", "Only editors and the person who uploaded it can change this image's details.");
  return media;
}

/**
 * Set an image's alt text, caption, credit, copyright and focal point, based on
 * the `baseVersion` the form was loaded with: of two edits based on one version
 * exactly one is saved, the other gets CONFLICT (and keeps what was typed).
 */
export async function updateMedia({ actor, mediaId, baseVersion, data }: { actor: TActor | null; mediaId: string; baseVersion: number; data: TMediaUpdate }) {
  const parsed = ZMediaUpdate.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some fields need attention.", z.flattenError(parsed.error).fieldErrors);
  const fields = parsed.data;
  const updated = await prisma.$transaction(async (tx) => {
    const media = await loadEditable(tx, actor, mediaId);
    if (fields.creditPersonId && fields.creditPersonId !== media.creditPersonId) {
      const person = await tx.person.findUnique({ where: { id: fields.creditPersonId }, select: { retiredAt: true } });
      if (!person || person.retiredAt)
        throw new AppError("INVALID_INPUT", "Choose someone from the list of people.", { creditPersonId: ["Choose someone from the list."] });
    }
    const { count } = await tx.media.updateMany({ where: { id: media.id, version: baseVersion }, data: { ...fields, version: { increment: 1 } } });
    if (count === 0)
      throw new AppError(
        "CONFLICT",
        "Someone else changed this photo's details while you were editing. What you typed is kept here; compare it with theirs, then save again to replace theirs.",
      );
    const m = await tx.media.findUniqueOrThrow({ where: { id: media.id }, select: MEDIA_ITEM });
    // Stories using the image show the change at once.
    await recordChanges(tx, [{ kind: "media", mediaId }]);
    return { m, before: media };
  });
  if (updated.before.focalX !== updated.m.focalX || updated.before.focalY !== updated.m.focalY) {
    // Crops moved with the focal point: the old ones are no longer linked. The edit stands if they cannot be removed now.
    await mediaStorage()
      .remove(variantsPrefix(mediaId))
      .catch((err: unknown) => console.error(`[media] old crops of ${mediaId} could not be removed:`, err));
  }
  return updated.m;
}

/** Remove an image from the library, unless a story uses it (the refusal names those the actor may see, and counts the rest). */
export async function deleteMedia({ actor, mediaId }: { actor: TActor | null; mediaId: string }) {
  const storageKey = await prisma.$transaction(async (tx) => {
    const media = await loadEditable(tx, actor, mediaId);
    const [uses, all] = await Promise.all([
      tx.storyMedia.findMany({
        where: { mediaId, story: visibleStoryWhere(actor) },
        select: { story: { select: { headline: true } } },
        orderBy: { story: { updatedAt: "desc" } },
      }),
      tx.storyMedia.count({ where: { mediaId } }),
    ]);
    if (all)
      throw inUse(
        uses.map((u) => u.story.headline),
        all - uses.length,
      );
    const portraits = await tx.person.findMany({ where: { photoId: mediaId }, select: { name: true } });
    if (portraits.length)
      throw new AppError("CONFLICT", `This image is the photo of ${portraits.map((p) => p.name).join(", ")}. Choose another photo for them first.`);
    try {
      await tx.media.delete({ where: { id: media.id } });
    } catch (err) {
      if ((err as { code?: string }).code === "P2003") throw inUse([], 0);
      throw err;
    }
    return media.storageKey;
  });
  const storage = mediaStorage();
  await Promise.all([storage.remove(storageKey), storage.remove(variantsPrefix(mediaId))]);
}

/** The refusal to delete an image in use: it names the stories the actor may see and only counts the others. */
function inUse(headlines: string[], hidden: number): AppError {
  const names = headlines.map((h) => `“${h || "Untitled"}”`);
  const list = names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
  const unseen = hidden === 1 ? "1 story you can’t see" : `${hidden} stories you can’t see`;
  if (hidden && !headlines.length)
    return new AppError("CONFLICT", `This image is used in ${unseen}. Ask an editor to take it out of ${hidden === 1 ? "that story" : "them"} first.`);
  if (hidden)
    return new AppError(
      "CONFLICT",
      `This image is used in ${headlines.length === 1 ? "a story" : "stories"}: ${list}, and in ${unseen}. Remove it from yours, and ask an editor about the others, first.`,
    );
  return new AppError(
    "CONFLICT",
    `This image is used in ${headlines.length === 1 ? "a story" : "stories"}${list ? `: ${list}` : ""}. Remove it from ${headlines.length === 1 ? "that story" : "them"} first.`,
  );
}

export type TStoryMediaUse = { lead: string | null; body: string[] };

const idsOf = ({ lead, body }: TStoryMediaUse) => [...new Set([...(lead ? [lead] : []), ...body])];

/** Before a story's save: every image it refers to must be in the library (a refusal says which kind). */
export async function checkStoryMedia(tx: Tx, use: TStoryMediaUse) {
  const ids = idsOf(use);
  if (!ids.length) return;
  const found = new Set((await tx.media.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((m) => m.id));
  if (use.lead && !found.has(use.lead)) {
    throw new AppError("INVALID_INPUT", "The lead photo is no longer in the library. Choose another.", { leadMediaId: ["Choose another lead photo."] });
  }
  if (found.size !== ids.length) {
    throw new AppError(
      "INVALID_INPUT",
      "An image in the story's text is not in the library (it may have been pasted from elsewhere). Remove it and insert one from the library.",
      {
        body: ["Remove the image that is not in the library."],
      },
    );
  }
}

/** Within a story's save: record which library images it now uses (lead and body). */
export async function recordStoryMedia(tx: Tx, storyId: string, use: TStoryMediaUse) {
  const ids = idsOf(use);
  await tx.storyMedia.deleteMany({ where: { storyId, mediaId: { notIn: ids } } });
  if (ids.length) await tx.storyMedia.createMany({ data: ids.map((mediaId) => ({ storyId, mediaId })), skipDuplicates: true });
}

/** Publishing needs alt text on every image the story shows; the refusal names the first that lacks it. */
export async function requireAltText(tx: Tx, use: TStoryMediaUse) {
  const ids = idsOf(use);
  if (!ids.length) return;
  const missing = await tx.media.findMany({ where: { id: { in: ids }, OR: [{ alt: null }, { alt: "" }] }, select: { id: true, filename: true } });
  if (!missing.length) return;
  // The lead photo first, then the body's images in the order they appear.
  const ordered = [...missing].sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  const first = ordered[0]!;
  const where = first.id === use.lead ? "the lead photo" : "an image in the story";
  const more = missing.length > 1 ? ` (${missing.length - 1} more image${missing.length > 2 ? "s also lack" : " also lacks"} it)` : "";
  throw new AppError(
    "INVALID_INPUT",
    `Add alt text to “${first.filename}”, ${where}, before publishing${more}: readers who cannot see the image need a description. Add it in the photo's details, in the story editor or in Media.`,
    // One field per image as well, so the editor can open the details of each one named.
    { media: [`“${first.filename}” needs alt text.`], ...Object.fromEntries(ordered.map((m) => [altTextField(m.id), [`“${m.filename}” needs alt text.`]])) },
  );
}

/** The images a story's content uses. */
export function mediaUseOf(content: { leadMediaId: string | null; body: unknown }, ...more: { leadMediaId: string | null; body: unknown }[]): TStoryMediaUse {
  const all = [content, ...more];
  return { lead: content.leadMediaId, body: all.flatMap((c) => [...(c !== content && c.leadMediaId ? [c.leadMediaId] : []), ...mediaIdsIn(c.body as never)]) };
}
