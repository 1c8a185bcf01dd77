import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, uniqueViolation } from "@/lib/errors";
import { firstFreeSlug } from "@/lib/stories/slug";

type Tx = Prisma.TransactionClient;

/**
 * The one slug allocator, for every kind of row with a public address: the
 * first free of `base`, `base-2`, `base-3`, … that is neither another row's
 * current slug nor an old slug another row's readers may still follow.
 *
 * Race-free in two layers. Within the transaction, a PostgreSQL advisory lock
 * on (kind, base) makes allocations from one base take turns, so 10 parallel
 * creates with one headline see each other's committed rows and get
 * base … base-10. A racer from another base can still take the same slug
 * (base "x-2" against base "x"): the unique index refuses the second write
 * and `withSlugRetry` runs the whole write again, which then sees the winner
 * and takes the next suffix.
 */
const KINDS = {
  story: {
    fallback: "untitled",
    constraints: ["Story_slug_key", "StorySlug_pkey"],
    full: "Too many stories share that URL; choose another slug.",
    taken: async (tx: Tx, candidates: string[], ownerId: string) => {
      const [current, old] = await Promise.all([
        tx.story.findMany({ where: { slug: { in: candidates }, id: { not: ownerId } }, select: { slug: true } }),
        tx.storySlug.findMany({ where: { slug: { in: candidates }, storyId: { not: ownerId } }, select: { slug: true } }),
      ]);
      return [...current, ...old].map((s) => s.slug);
    },
  },
  person: {
    fallback: "person",
    constraints: ["Person_slug_key", "PersonSlug_pkey"],
    full: "Too many people share that name in their address; choose another slug.",
    taken: async (tx: Tx, candidates: string[], ownerId: string) => {
      const [current, old] = await Promise.all([
        tx.person.findMany({ where: { slug: { in: candidates }, id: { not: ownerId } }, select: { slug: true } }),
        tx.personSlug.findMany({ where: { slug: { in: candidates }, personId: { not: ownerId } }, select: { slug: true } }),
      ]);
      return [...current, ...old].map((p) => p.slug);
    },
  },
} as const;

export type TSlugKind = keyof typeof KINDS;

/**
 * The first free slug from `wanted` for a row of `kind` (`ownerId`: the row
 * being renamed, null for a new one). Call inside the write's transaction,
 * and wrap that transaction in `withSlugRetry`.
 */
export async function allocateSlug(tx: Tx, kind: TSlugKind, wanted: string, ownerId: string | null): Promise<string> {
  const k = KINDS[kind];
  const base = wanted || k.fallback;
  // Held until the transaction ends: the next allocation from this base runs after this row is committed.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`slug:${kind}:${base}`}, 0))`;
  const slug = await firstFreeSlug(base, (candidates) => k.taken(tx, candidates, ownerId ?? ""));
  if (!slug) throw new AppError("CONFLICT", k.full, { slug: ["Choose another slug."] });
  return slug;
}

/** How many times a write is run again after losing its slug to a racer. */
export const SLUG_ATTEMPTS = 5;

/**
 * Run a write (one whole transaction: PostgreSQL aborts a transaction at its
 * first error, so the retry is the transaction, not the statement) that
 * allocates a `kind` slug; when a racer took the slug first, run it again. It
 * then sees the winner's row and takes the next free suffix. After
 * SLUG_ATTEMPTS losses, a CONFLICT saying what to do.
 */
export async function withSlugRetry<T>(kind: TSlugKind, write: () => Promise<T>): Promise<T> {
  const constraints: readonly string[] = KINDS[kind].constraints;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      const violation = uniqueViolation(err);
      const onSlug = violation && (violation.constraint ? constraints.includes(violation.constraint) : violation.fields.includes("slug"));
      if (!onSlug) throw err;
      if (attempt >= SLUG_ATTEMPTS)
        throw new AppError("CONFLICT", "Others were saving with the same web address at that moment. Save again; your input is kept.", {
          slug: ["Save again."],
        });
    }
  }
}
