import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { TDisplayMedia } from "@/lib/media/display";
import { getDisplayMedia } from "@/lib/media/queries";
import { cropBox, CROPS, formatsFor, mediaUrl, variantSize, widthsFor, type TCrop } from "@/lib/media/variants";
import { mediaIdsIn } from "@/lib/richtext/text";
import type { TRichDoc } from "@/lib/richtext/types";
import { absoluteUrl } from "@/lib/site";
import { publicStoryWhere } from "@/lib/stories/queries";
import { searchStories } from "@/lib/stories/search";
import { tagSlug } from "@/lib/stories/tags";
import { apiStoryWhere, isPublicStory, type TApiClient } from "./access";
import { bodyHtml } from "./html";
import type { TApiImage, TApiStory, TApiStorySummary } from "./schemas";

/**
 * What the delivery API reads (/api/v1, server/api/): stories, sections, people,
 * tags and search, each scoped by the key's rule (lib/api/access.ts), shaped as
 * lib/api/schemas.ts says. Lists page by cursor: an opaque token of the last
 * item's sort key, so a page never repeats or skips a story when new ones arrive.
 */

const ISO = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const CROP_WIDTHS = [480, 960, 1280];

/** Every variant an image is served in: the whole image in each width and format, and each crop in a few widths. */
export function imageOf(m: TDisplayMedia): TApiImage {
  const variants: TApiImage["variants"] = [];
  for (const format of formatsFor(m.format)) {
    for (const width of widthsFor(m.width)) {
      variants.push({ url: absoluteUrl(mediaUrl(m.id, { format, width })), ...variantSize(m, { width }), format, crop: "original" });
    }
  }
  const own = formatsFor(m.format).at(-1)!;
  for (const ratio of ["16x9", "4x3", "1x1"] as const satisfies TCrop[]) {
    const available = cropBox(m.width, m.height, CROPS[ratio], m.focalX, m.focalY).width;
    const widths = widthsFor(available).filter((w) => CROP_WIDTHS.includes(w) || w === available);
    for (const width of widths.filter((w) => w <= 1280).slice(0, 3)) {
      const crop = { ratio, focalX: m.focalX, focalY: m.focalY };
      variants.push({ url: absoluteUrl(mediaUrl(m.id, { format: own, width, crop })), ...variantSize(m, { width, crop }), format: own, crop: ratio });
    }
  }
  return {
    id: m.id,
    alt: m.alt,
    caption: m.caption,
    credit: m.credit,
    copyright: m.copyright,
    width: m.width,
    height: m.height,
    focalPoint: { x: m.focalX, y: m.focalY },
    variants,
  };
}

const SUMMARY = {
  id: true,
  slug: true,
  status: true,
  headline: true,
  dek: true,
  tags: true,
  tagSlugs: true,
  leadMediaId: true,
  leadCaption: true,
  firstPublishedAt: true,
  publishedAt: true,
  contentUpdatedAt: true,
  updatedAt: true,
  embargoUntil: true,
  section: { select: { id: true, name: true, slug: true } },
} as const satisfies Prisma.StorySelect;

const STORY = {
  ...SUMMARY,
  dateline: true,
  body: true,
  scheduledAt: true,
  version: true,
  createdAt: true,
  credits: {
    where: { role: { not: "EDITOR" } },
    orderBy: { position: "asc" },
    select: {
      role: true,
      location: true,
      override: true,
      person: { select: { id: true, name: true, slug: true, title: true, affiliation: true, shortBio: true } },
    },
  },
  notes: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, body: true, createdAt: true, updatedAt: true } },
} as const satisfies Prisma.StorySelect;

type TSummaryRow = Prisma.StoryGetPayload<{ select: typeof SUMMARY }>;
export type TStoryRow = Prisma.StoryGetPayload<{ select: typeof STORY }>;

const sectionOf = (s: { id: string; name: string; slug: string } | null) => (s ? { ...s, url: absoluteUrl(`/sections/${s.slug}`) } : null);
const tagsOf = (s: TSummaryRow) =>
  s.tags.map((name, i) => ({ name, slug: s.tagSlugs[i] ?? tagSlug(name), url: absoluteUrl(`/tags/${s.tagSlugs[i] ?? tagSlug(name)}`) }));
const storyUrl = (slug: string) => absoluteUrl(`/stories/${slug}`);
/** Published statuses only ever leave the API as themselves; the rest are previews. */
const statusOf = (s: string) => s as TApiStorySummary["status"];

function summaryOf(s: TSummaryRow, media: Map<string, TDisplayMedia>): TApiStorySummary {
  const lead = s.leadMediaId ? media.get(s.leadMediaId) : undefined;
  return {
    id: s.id,
    slug: s.slug,
    url: storyUrl(s.slug),
    status: statusOf(s.status),
    headline: s.headline,
    dek: s.dek,
    section: sectionOf(s.section),
    tags: tagsOf(s),
    leadImage: lead ? imageOf({ ...lead, caption: s.leadCaption?.trim() || lead.caption }) : null,
    firstPublishedAt: ISO(s.firstPublishedAt),
    publishedAt: ISO(s.publishedAt),
    contentUpdatedAt: s.contentUpdatedAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** A story row, whole, with the images it shows. */
export function storyOf(s: TStoryRow, media: Map<string, TDisplayMedia>): TApiStory {
  const body = s.body as TRichDoc;
  return {
    ...summaryOf(s, media),
    dateline: s.dateline,
    body: { json: body as unknown as Record<string, unknown>, html: bodyHtml(body, s.dateline, media) },
    credits: s.credits.map((c) => ({
      role: c.role as TApiStory["credits"][number]["role"],
      location: c.location,
      override: c.override,
      person: { ...c.person, url: absoluteUrl(`/people/${c.person.slug}`) },
    })),
    images: [...new Set(mediaIdsIn(body))].flatMap((id) => {
      const m = media.get(id);
      return m ? [imageOf(m)] : [];
    }),
    notes: s.notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), updatedAt: n.updatedAt.toISOString() })),
    embargoUntil: ISO(s.embargoUntil),
    scheduledAt: s.status === "SCHEDULED" ? ISO(s.scheduledAt) : null,
  };
}

/** A story by id or current slug, as `client` may see it; NOT_FOUND otherwise. `row` is kept for ninjs and the cache decision. */
export async function getApiStory(client: TApiClient, idOrSlug: string, now = new Date()) {
  const row = await prisma.story.findFirst({ where: { AND: [{ OR: [{ id: idOrSlug }, { slug: idOrSlug }] }, apiStoryWhere(client, now)] }, select: STORY });
  if (!row) throw new AppError("NOT_FOUND", "No story with that id or slug, or this key may not read it.");
  const body = row.body as TRichDoc;
  const media = await getDisplayMedia([...(row.leadMediaId ? [row.leadMediaId] : []), ...mediaIdsIn(body)]);
  return { row, story: storyOf(row, media), media, isPublic: isPublicStory(row, now) };
}

export type TStoryListQuery = {
  section?: string;
  tag?: string;
  person?: string;
  updatedSince?: Date;
  status?: "published" | "draft" | "in_review" | "scheduled" | "embargoed";
  cursor?: string;
  limit: number;
};

type TCursor = { at: string; id: string };
const encodeCursor = (c: TCursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
/** A cursor back from the client; `at` is a time for stories, a name for people. */
function decodeCursor(raw: string, at: "time" | "text" = "time"): TCursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString()) as TCursor;
    if (typeof c.id === "string" && typeof c.at === "string" && (at === "text" || !Number.isNaN(Date.parse(c.at)))) return c;
  } catch {
    // fall through
  }
  throw new AppError("INVALID_INPUT", "That cursor is not one this API gave out. Pass the `next` value of the previous page unchanged.", {
    cursor: ["Not a cursor from this API."],
  });
}

/**
 * Stories, newest published first; with `updatedSince`, oldest change first
 * (walk forward to keep a copy in step). Other statuses need their scope
 * (preview; embargoed) and are never cached.
 */
export async function listApiStories(client: TApiClient, q: TStoryListQuery, now = new Date()) {
  const status = q.status ?? "published";
  const needs = status === "published" ? null : status === "embargoed" ? "embargoed" : "preview";
  if (needs && !client.scopes.includes(needs))
    throw new AppError("FORBIDDEN", `Listing ${status.replace("_", " ")} stories needs a key with the "${needs}" scope.`);
  const byUpdate = Boolean(q.updatedSince);
  const field = byUpdate ? "updatedAt" : status === "published" ? "publishedAt" : "updatedAt";
  const dir = byUpdate ? "asc" : "desc";
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const after: Prisma.StoryWhereInput | null = cursor
    ? {
        OR: [
          { [field]: dir === "desc" ? { lt: new Date(cursor.at) } : { gt: new Date(cursor.at) } },
          { [field]: new Date(cursor.at), id: dir === "desc" ? { lt: cursor.id } : { gt: cursor.id } },
        ],
      }
    : null;
  const where: Prisma.StoryWhereInput = {
    AND: [
      apiStoryWhere(client, now),
      status === "published"
        ? publicStoryWhere(now)
        : status === "embargoed"
          ? { embargoUntil: { gt: now } }
          : { status: status.toUpperCase() as "DRAFT" | "IN_REVIEW" | "SCHEDULED" },
      ...(q.section ? [{ section: { slug: q.section } }] : []),
      ...(q.tag ? [{ tagSlugs: { has: q.tag } }] : []),
      ...(q.person ? [{ credits: { some: { role: { not: "EDITOR" as const }, person: { OR: [{ slug: q.person }, { id: q.person }] } } } }] : []),
      ...(q.updatedSince ? [{ updatedAt: { gte: q.updatedSince } }] : []),
      ...(after ? [after] : []),
    ],
  };
  const rows = await prisma.story.findMany({ where, orderBy: [{ [field]: dir }, { id: dir }], take: q.limit + 1, select: SUMMARY });
  const page = rows.slice(0, q.limit);
  const media = await getDisplayMedia(page.flatMap((s) => (s.leadMediaId ? [s.leadMediaId] : [])));
  const last = page.at(-1);
  const lastAt = last ? (last[field as "updatedAt"] ?? last.updatedAt) : null;
  return {
    data: page.map((s) => summaryOf(s, media)),
    next: rows.length > q.limit && last && lastAt ? encodeCursor({ at: lastAt.toISOString(), id: last.id }) : null,
    isPublic: status === "published",
  };
}

export async function listApiSections() {
  const sections = await prisma.section.findMany({ orderBy: { position: "asc" }, select: { id: true, name: true, slug: true } });
  return { data: sections.map((s) => sectionOf(s)!) };
}

/** Tags on published stories, most used first (at most 500). */
export async function listApiTags(now = new Date()) {
  const rows = await prisma.$queryRaw<{ slug: string; stories: bigint }[]>`
    SELECT t.slug, count(*) AS stories FROM "Story" s, unnest(s."tagSlugs") AS t(slug)
    WHERE s.status = 'PUBLISHED' AND (s."embargoUntil" IS NULL OR s."embargoUntil" <= ${now})
    GROUP BY t.slug ORDER BY count(*) DESC, t.slug LIMIT 500`;
  // The name as the newest story carrying it spells it.
  const names = new Map<string, string>();
  if (rows.length) {
    const spelled = await prisma.$queryRaw<{ slug: string; name: string }[]>`
      SELECT DISTINCT ON (t.slug) t.slug, s.tags[t.i] AS name
      FROM "Story" s, unnest(s."tagSlugs") WITH ORDINALITY AS t(slug, i)
      WHERE s.status = 'PUBLISHED' AND (s."embargoUntil" IS NULL OR s."embargoUntil" <= ${now}) AND t.slug = ANY(${rows.map((r) => r.slug)})
      ORDER BY t.slug, s."publishedAt" DESC NULLS LAST`;
    for (const r of spelled) names.set(r.slug, r.name);
  }
  return { data: rows.map((r) => ({ name: names.get(r.slug) ?? r.slug, slug: r.slug, url: absoluteUrl(`/tags/${r.slug}`), stories: Number(r.stories) })) };
}

const PERSON = { id: true, name: true, slug: true, title: true, affiliation: true, shortBio: true } as const;
const personRef = (p: Prisma.PersonGetPayload<{ select: typeof PERSON }>) => ({ ...p, url: absoluteUrl(`/people/${p.slug}`) });
/** Who has a public credit or a bio: the people readers can find on the site. */
const publicPersonWhere = (now = new Date()): Prisma.PersonWhereInput => ({
  OR: [{ credits: { some: { role: { not: "EDITOR" }, story: publicStoryWhere(now) } } }, { shortBio: { not: null } }, { longBio: { not: null } }],
});

export async function listApiPeople({ cursor, limit }: { cursor?: string; limit: number }) {
  const after = cursor ? decodeCursor(cursor, "text") : null;
  const rows = await prisma.person.findMany({
    where: { AND: [publicPersonWhere(), ...(after ? [{ OR: [{ name: { gt: after.at } }, { name: after.at, id: { gt: after.id } }] }] : [])] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: PERSON,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page.map(personRef), next: rows.length > limit && last ? encodeCursor({ at: last.name, id: last.id }) : null };
}

export async function getApiPerson(idOrSlug: string) {
  const p = await prisma.person.findFirst({
    where: { AND: [{ OR: [{ id: idOrSlug }, { slug: idOrSlug }] }, publicPersonWhere()] },
    select: { ...PERSON, longBio: true, links: true },
  });
  if (!p) throw new AppError("NOT_FOUND", "No person with that id or slug has a public page.");
  const links = Array.isArray(p.links) ? (p.links as { label: string; url: string }[]) : [];
  return { ...personRef(p), longBio: p.longBio, links };
}

export async function searchApi(q: string, page: number) {
  const found = await searchStories(q, page);
  return {
    query: found.query,
    total: found.total + (found.capped ? 1 : 0),
    page: found.page,
    pages: found.pages,
    data: found.hits.map((h) => ({
      id: h.id,
      slug: h.slug,
      url: storyUrl(h.slug),
      headline: h.headline,
      dek: h.dek,
      section: h.section,
      publishedAt: ISO(h.publishedAt),
      snippet: h.snippet.replace(/\u0002/g, "[[").replace(/\u0003/g, "]]"),
    })),
  };
}
