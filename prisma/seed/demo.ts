import "server-only";
import { prisma } from "@/lib/db/client";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { uploadMedia } from "@/lib/media/mutations";
import { mediaIdsIn } from "@/lib/richtext/text";
import type { TRichNode } from "@/lib/richtext/types";
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import { validateRichText } from "@/lib/richtext/validate";
import { liveContent } from "@/lib/stories/content";
import { recordRevision } from "@/lib/stories/revisions";
import { slugify } from "@/lib/stories/slug";
import { tagSlug } from "@/lib/stories/tags";
import { storeSampleForecasts } from "@/lib/weather/forecasts";
import { parseLocations } from "@/lib/weather/provider";
import { DEMO_IMAGES } from "./demo-images";
import { DEMO_PEOPLE, DEMO_STORIES, type TDemoLiveEntry } from "./demo-stories";
import { STORY_FOR_WRITE } from "@/lib/stories/story-writes";

/**
 * Demo accounts, one per role. Their passwords are public (README), so they are
 * only ever created in the embedded demo database, never in one given by DATABASE_URL.
 */
export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role; password: string }> = [
  { email: "admin@newsroom.test", name: "Ada Admin", role: "ADMIN", password: "demo-admin-password" },
  { email: "editor@newsroom.test", name: "Eddie Editor", role: "EDITOR", password: "demo-editor-password" },
  { email: "contributor@newsroom.test", name: "Cora Contributor", role: "CONTRIBUTOR", password: "demo-contributor-password" },
];

const MARKER = "demoContentSeededAt";
const DEMO_WEATHER = "Beijing:39.9042,116.4074;Portland:45.5152,-122.6784";
/** Any constant: two processes seeding at once queue on this advisory lock. */
const SEED_LOCK = 7_411_001;

/**
 * Seed demo content once, on an empty database: one account per role and a few
 * stories in every state of the workflow (published ones with a correction and an
 * update, a scheduled one, an embargoed one) that show what a story can hold. Returns false when there was
 * nothing to do: seeded before, or the database already has accounts of its own.
 */
export async function seedDemoContent(): Promise<boolean> {
  // Cheap checks first: drawing the demo images takes a moment.
  if ((await prisma.siteSetting.findUnique({ where: { key: MARKER } })) || (await prisma.user.count()) > 0) return false;
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  // Into the library like any upload (files are stored by content, so a second run finds them).
  const images = new Map<string, string>();
  for (const image of DEMO_IMAGES) {
    const { media } = await uploadMedia({ actor: SYSTEM_ACTOR, filename: image.filename, data: await image.render() });
    images.set(image.key, media.id);
  }
  const withImages = (node: TRichNode): TRichNode => ({
    ...node,
    ...(node.type === "mediaImage" ? { attrs: { mediaId: images.get(String(node.attrs?.mediaId).replace(/^demo-/, "")) } } : {}),
    ...(node.content ? { content: node.content.map(withImages) } : {}),
  });
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
    if (await tx.siteSetting.findUnique({ where: { key: MARKER } })) return false;
    if ((await tx.user.count()) > 0) return false;
    await tx.user.createMany({
      data: DEMO_USERS.map(({ email, name, role }, i) => ({ email, name, role, passwordHash: hashes[i]! })),
    });
    const authors = {
      editor: await tx.user.findUniqueOrThrow({ where: { email: "editor@newsroom.test" }, select: { id: true } }),
      contributor: await tx.user.findUniqueOrThrow({ where: { email: "contributor@newsroom.test" }, select: { id: true } }),
    };
    const people = new Map<string, string>();
    for (const person of DEMO_PEOPLE) {
      const created = await tx.person.create({
        data: {
          name: person.name,
          slug: slugify(person.name),
          title: person.title,
          affiliation: person.affiliation ?? null,
          shortBio: person.shortBio,
          longBio: person.longBio ?? null,
          userId: person.account ? authors[person.account].id : null,
        },
      });
      people.set(person.key, created.id);
    }
    for (const image of DEMO_IMAGES) {
      await tx.media.update({
        where: { id: images.get(image.key)! },
        data: {
          alt: image.alt,
          caption: image.caption,
          creditPersonId: image.creditPerson ? people.get(image.creditPerson)! : null,
          creditText: image.creditText ?? null,
          source: image.source ?? null,
          copyrightHolder: image.copyrightHolder ?? null,
          copyrightYear: image.copyrightYear ?? null,
          ...(image.focal ? { focalX: image.focal.x, focalY: image.focal.y } : {}),
        },
      });
    }
    const sections = new Map((await tx.section.findMany({ select: { id: true, slug: true } })).map((s) => [s.slug, s.id]));
    // Oldest first, an hour apart, so the front page has an order.
    const start = Date.now() - DEMO_STORIES.length * 60 * 60 * 1000;
    const hours = (n: number) => new Date(Date.now() + n * 60 * 60 * 1000);
    const editor = { kind: "user" as const, id: authors.editor.id, role: "EDITOR" as const, name: "", email: "" };
    for (const [i, story] of DEMO_STORIES.entries()) {
      const at = new Date(start + i * 60 * 60 * 1000);
      const body = validateRichText(withImages(story.body));
      const lead = story.lead ? images.get(story.lead)! : null;
      const everPublished = story.state === "PUBLISHED" || story.state === "UNPUBLISHED";
      const created = await tx.story.create({
        data: {
          headline: story.headline,
          dek: story.dek,
          dateline: story.dateline,
          tags: story.tags ?? [],
          tagSlugs: (story.tags ?? []).map(tagSlug),
          slug: slugify(story.headline),
          body: body as object,
          leadMediaId: lead,
          media: { create: [...new Set([...(lead ? [lead] : []), ...mediaIdsIn(body)])].map((mediaId) => ({ mediaId })) },
          sectionId: sections.get(story.section) ?? null,
          createdById: authors[story.author].id,
          status: story.state,
          createdAt: at,
          contentUpdatedAt: at,
          ...(everPublished ? { firstPublishedAt: at, publishedAt: at } : {}),
          scheduledAt: story.scheduleInHours ? hours(story.scheduleInHours) : null,
          embargoUntil: story.embargoInHours ? hours(story.embargoInHours) : null,
          deskNote: story.deskNote ?? null,
          notes: {
            create: (story.notes ?? []).map((n, k) => ({ ...n, createdById: authors.editor.id, createdAt: new Date(at.getTime() + (k + 1) * 20 * 60 * 1000) })),
          },
          credits: {
            create: story.credits.map((c, position) => ({ personId: people.get(c.person)!, role: c.role, location: c.location ?? null, position })),
          },
        },
        select: STORY_FOR_WRITE,
      });
      if (story.pin) await tx.frontPagePin.create({ data: { storyId: created.id, position: story.pin } });
      if (story.live) await seedLiveEntries(tx, created.id, at, story.live.entries, { people, userId: authors.editor.id });
      // Each story starts its history with the content it was seeded with.
      await recordRevision(tx, {
        storyId: created.id,
        actor: editor,
        kind: "SAVE",
        status: created.status,
        summary: "Added with the demo content",
        content: liveContent(created),
      });
    }
    // The weather box: forecasts arrive from the provider in the background; until one does
    // (offline, say), a sample labelled "Sample forecast — demo data" shows what the box is.
    await tx.siteSetting.upsert({ where: { key: "weatherLocations" }, create: { key: "weatherLocations", value: DEMO_WEATHER }, update: {} });
    await storeSampleForecasts(tx, parseLocations(DEMO_WEATHER));
    await tx.siteSetting.create({ data: { key: MARKER, value: new Date().toISOString() } });
    return true;
  });
}

/** A live story's coverage: started when it was published, its entries so many minutes after, one pinned. */
async function seedLiveEntries(
  tx: Prisma.TransactionClient,
  storyId: string,
  at: Date,
  entries: TDemoLiveEntry[],
  { people, userId }: { people: Map<string, string>; userId: string },
) {
  let pinned: string | null = null;
  for (const e of entries) {
    const when = new Date(at.getTime() + e.minutes * 60_000);
    const created = await tx.liveEntry.create({
      data: {
        storyId,
        headline: e.headline ?? null,
        body: validateRichText(e.body) as object,
        authorId: e.person ? people.get(e.person)! : null,
        keyEvent: e.keyEvent ?? false,
        correction: e.correction ?? null,
        createdById: userId,
        createdAt: when,
        publishedAt: when,
      },
    });
    if (e.pinned) pinned = created.id;
  }
  await tx.story.update({ where: { id: storyId }, data: { liveStartedAt: at, liveRevision: entries.length, livePinnedId: pinned } });
}

/** The demo accounts that exist here (for printing at start-up); empty outside the demo database. */
export async function listDemoLogins() {
  const existing = await prisma.user.findMany({
    where: { email: { in: DEMO_USERS.map((u) => u.email) }, active: true },
    select: { email: true },
  });
  const emails = new Set(existing.map((u) => u.email));
  return DEMO_USERS.filter((u) => emails.has(u.email));
}
