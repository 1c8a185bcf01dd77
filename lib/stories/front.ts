import "server-only";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getDisplayMedia } from "@/lib/media/queries";
import { visibleStoryWhere } from "./access";
import { publicStoryWhere } from "./queries";
import { recordChanges } from "@/lib/changes";
import { TEASER as LIST_TEASER } from "./public-queries";

/** How many stories the top of the front page holds (the lead and the top stories). */
export const TOP_COUNT = 5;
const RAIL_COUNT = 4;
const LATEST_COUNT = 12;

/** A public teaser with its lead photo (the top stories show it). */
const TEASER = { ...LIST_TEASER, leadMediaId: true } as const;

/**
 * The front page: pinned stories first in the desk's order (only those readers
 * may see), then the newest to fill the top; a latest-news list; and a rail of
 * the newest stories per section, none of them repeated.
 */
export async function getFrontPage() {
  const where = publicStoryWhere();
  const pins = await prisma.frontPagePin.findMany({
    where: { story: where },
    orderBy: { position: "asc" },
    take: TOP_COUNT,
    select: { story: { select: TEASER } },
  });
  const pinned = pins.map((p) => p.story);
  const fill = await prisma.story.findMany({
    where: { ...where, id: { notIn: pinned.map((s) => s.id) } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: TOP_COUNT - pinned.length + LATEST_COUNT,
    select: TEASER,
  });
  const top = [...pinned, ...fill].slice(0, TOP_COUNT);
  const shown = new Set(top.map((s) => s.id));
  const latest = fill.filter((s) => !shown.has(s.id)).slice(0, LATEST_COUNT);
  latest.forEach((s) => shown.add(s.id));
  // The newest few per section, in one query (a window over the section index), not one per section;
  // the WHERE is publicStoryWhere() in SQL.
  const railIds = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      SELECT id, row_number() OVER (PARTITION BY "sectionId" ORDER BY "publishedAt" DESC, id DESC) AS n
      FROM "Story"
      WHERE status = 'PUBLISHED' AND ("embargoUntil" IS NULL OR "embargoUntil" <= now())
        AND "sectionId" IS NOT NULL AND NOT (id = ANY(${[...shown]}::text[]))
    ) ranked WHERE n <= ${RAIL_COUNT}`;
  const [sections, railStories] = await Promise.all([
    prisma.section.findMany({ orderBy: { position: "asc" }, select: { id: true, name: true, slug: true } }),
    prisma.story.findMany({
      where: { id: { in: railIds.map((r) => r.id) } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: { ...TEASER, sectionId: true },
    }),
  ]);
  const rails = sections.map((section) => ({ section, stories: railStories.filter((s) => s.sectionId === section.id) })).filter((r) => r.stories.length);
  const [lead, ...rest] = top;
  const media = await getDisplayMedia(lead?.leadMediaId ? [lead.leadMediaId] : []);
  return {
    lead: lead ? { ...lead, image: lead.leadMediaId ? (media.get(lead.leadMediaId) ?? null) : null } : null,
    top: rest,
    latest,
    rails,
    pinnedIds: pinned.map((s) => s.id),
  };
}

function requireDesk(actor: TActor | null) {
  if (!hasRole(actor, "EDITOR")) throw new AppError("FORBIDDEN", "Only editors and admins arrange the front page.");
}

/** The pins for the newsroom page, in order, with each story's state. */
export async function listPins({ actor }: { actor: TActor | null }) {
  requireDesk(actor);
  return prisma.frontPagePin.findMany({
    where: { story: visibleStoryWhere(actor) },
    orderBy: { position: "asc" },
    select: { position: true, story: { select: { id: true, headline: true, status: true, publishedAt: true, embargoUntil: true } } },
  });
}

/** Published stories that could be pinned (newest first). */
export async function listPinnable({ actor }: { actor: TActor | null }) {
  requireDesk(actor);
  return prisma.story.findMany({
    where: { AND: [publicStoryWhere(), visibleStoryWhere(actor), { frontPagePin: null }] },
    orderBy: { publishedAt: "desc" },
    take: 50,
    select: { id: true, headline: true },
  });
}

/** Replace the pins with `storyIds`, in that order: published stories only, at most the top's size. */
export async function setPins({ actor, storyIds }: { actor: TActor | null; storyIds: string[] }) {
  requireDesk(actor);
  const ids = [...new Set(storyIds)];
  if (ids.length > TOP_COUNT) throw new AppError("INVALID_INPUT", `The top of the front page holds ${TOP_COUNT} stories; unpin one first.`);
  await prisma.$transaction(async (tx) => {
    const stories = await tx.story.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    if (stories.length !== ids.length) throw new AppError("INVALID_INPUT", "One of those stories no longer exists.");
    if (stories.some((s) => s.status !== "PUBLISHED")) throw new AppError("INVALID_INPUT", "Only published stories can be pinned to the front page.");
    await tx.frontPagePin.deleteMany({});
    await tx.frontPagePin.createMany({ data: ids.map((storyId, position) => ({ storyId, position })) });
    await recordChanges(tx, [{ kind: "front" }]);
  });
}
