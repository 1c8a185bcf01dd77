import "server-only";
import { cache } from "react";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { visibleStoryWhere } from "@/lib/stories/access";
import { toDisplayMedia, type TDisplayMedia } from "./display";
import { canEditMedia, canUseMedia } from "./permissions";
import { ZMediaListFilter, type TMediaListFilter } from "./schemas";

/** What the newsroom shows of a library image. */
export const MEDIA_ITEM = {
  id: true,
  filename: true,
  format: true,
  width: true,
  height: true,
  bytes: true,
  alt: true,
  caption: true,
  creditText: true,
  source: true,
  copyrightHolder: true,
  copyrightYear: true,
  focalX: true,
  focalY: true,
  /** For version-checked edits of the details. */
  version: true,
  createdAt: true,
  creditPerson: { select: { id: true, name: true } },
} as const satisfies Prisma.MediaSelect;
export type TMediaItem = Prisma.MediaGetPayload<{ select: typeof MEDIA_ITEM }>;
export { toDisplayMedia, type TDisplayMedia };

/** Images by id, ready to render; missing ids are simply absent. */
export async function getDisplayMedia(ids: string[]): Promise<Map<string, TDisplayMedia>> {
  if (!ids.length) return new Map();
  const rows = await prisma.media.findMany({ where: { id: { in: [...new Set(ids)] } }, select: MEDIA_ITEM });
  return new Map(rows.map((m) => [m.id, toDisplayMedia(m)]));
}

export const MEDIA_PAGE_SIZE = 24;

/** The library: search over caption, credit and alt text; filters for missing alt text and unused images. */
export async function listMedia({ actor, filter }: { actor: TActor | null; filter: TMediaListFilter }) {
  if (!canUseMedia(actor)) throw new AppError("UNAUTHORIZED", "Sign in to see the library.");
  const { q, filter: only, page = 1 } = ZMediaListFilter.parse(filter);
  const words = q?.split(/\s+/).filter(Boolean).slice(0, 8) ?? [];
  const where: Prisma.MediaWhereInput = {
    AND: [
      ...words.map((word) => ({
        OR: [
          { caption: { contains: word, mode: "insensitive" as const } },
          { alt: { contains: word, mode: "insensitive" as const } },
          { creditText: { contains: word, mode: "insensitive" as const } },
          { source: { contains: word, mode: "insensitive" as const } },
          { copyrightHolder: { contains: word, mode: "insensitive" as const } },
          { filename: { contains: word, mode: "insensitive" as const } },
          { creditPerson: { name: { contains: word, mode: "insensitive" as const } } },
        ],
      })),
      ...(only === "missing-alt" ? [{ OR: [{ alt: null }, { alt: "" }] }] : []),
      ...(only === "unused" ? [{ usedIn: { none: {} } }] : []),
    ],
  };
  const [items, total] = await Promise.all([
    prisma.media.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * MEDIA_PAGE_SIZE,
      take: MEDIA_PAGE_SIZE,
      select: { ...MEDIA_ITEM, _count: { select: { usedIn: true } } },
    }),
    prisma.media.count({ where }),
  ]);
  return { items, total, page, pages: Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE)) };
}

/**
 * One image with the stories that use it, for its edit page. The library is
 * shared (everyone picks photos for their stories), but its "used in" list
 * names only the stories the viewer may see (lib/stories/access.ts);
 * `hiddenUses` counts the others.
 */
export async function getMediaForEdit({ actor, mediaId }: { actor: TActor | null; mediaId: string }) {
  if (!canUseMedia(actor)) throw new AppError("UNAUTHORIZED", "Sign in to see the library.");
  const media = await prisma.media.findUnique({
    where: { id: mediaId },
    select: {
      ...MEDIA_ITEM,
      uploadedById: true,
      uploadedBy: { select: { name: true } },
      creditPersonId: true,
      usedIn: {
        where: { story: visibleStoryWhere(actor) },
        select: { story: { select: { id: true, headline: true, status: true, leadMediaId: true } } },
        orderBy: { story: { updatedAt: "desc" } },
      },
      _count: { select: { usedIn: true } },
    },
  });
  if (!media) throw new AppError("NOT_FOUND", "That image is not in the library.");
  const { _count, ...rest } = media;
  return { ...rest, hiddenUses: _count.usedIn - media.usedIn.length, canEdit: canEditMedia(actor, media) };
}

/** What serving a variant needs; public, since published pages show these images. */
export const getVariantSource = cache(async (mediaId: string) =>
  prisma.media.findUnique({
    where: { id: mediaId },
    select: { id: true, storageKey: true, format: true, width: true, height: true, focalX: true, focalY: true },
  }),
);
