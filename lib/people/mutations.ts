import "server-only";
import { z } from "zod";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, fromPrismaError } from "@/lib/errors";
import { allocateSlug, withSlugRetry } from "@/lib/slugs";
import { slugify } from "@/lib/stories/slug";
import { ZPersonFields, type TPersonFields } from "./schemas";
import { recordChanges } from "@/lib/changes";

type Tx = Prisma.TransactionClient;
const PERSON = { id: true, name: true, slug: true, title: true, affiliation: true, shortBio: true, retiredAt: true, userId: true } as const;

function parse(data: TPersonFields) {
  const parsed = ZPersonFields.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some fields need attention.", z.flattenError(parsed.error).fieldErrors);
  return parsed.data;
}

/** A write that allocates a person slug (lib/slugs.ts): one transaction, run again with the next suffix when a racer took the slug. */
const inSlugTransaction = <T>(write: (tx: Tx) => Promise<T>) => withSlugRetry("person", () => prisma.$transaction(write));

const columns = (f: ReturnType<typeof parse>) => ({
  name: f.name,
  title: f.title ?? null,
  affiliation: f.affiliation ?? null,
  shortBio: f.shortBio ?? null,
  longBio: f.longBio ?? null,
  links: f.links ?? [],
});

/** Add someone who can be credited. Admins, and editors crediting a story on the spot. */
export async function createPerson({ actor, data }: { actor: TActor | null; data: TPersonFields }) {
  if (!hasRole(actor, "EDITOR")) throw new AppError("FORBIDDEN", "Only editors and admins can add people.");
  const fields = parse(data);
  return inSlugTransaction(async (tx) => {
    const slug = await allocateSlug(tx, "person", fields.slug || slugify(fields.name), null);
    return tx.person.create({ data: { ...columns(fields), slug }, select: PERSON });
  });
}

/** Edit a person; a new slug keeps the old address answering with a redirect. Admins only. */
export async function updatePerson({ actor, personId, data }: { actor: TActor | null; personId: string; data: TPersonFields }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can edit people.");
  const fields = parse(data);
  const updated = await inSlugTransaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId }, select: { id: true, slug: true } });
    if (!person) throw new AppError("NOT_FOUND", "No such person.");
    const slug = fields.slug ? await allocateSlug(tx, "person", fields.slug, person.id) : person.slug;
    if (slug !== person.slug) {
      await tx.personSlug.upsert({ where: { slug: person.slug }, create: { slug: person.slug, personId: person.id }, update: { personId: person.id } });
      await tx.personSlug.deleteMany({ where: { slug, personId: person.id } });
    }
    const updated = await tx.person.update({ where: { id: person.id }, data: { ...columns(fields), slug }, select: PERSON });
    await recordChanges(tx, [{ kind: "person", personId: updated.id }]);
    return updated;
  });
  return updated;
}

/** Retire (or bring back) a person: old credits stay, new ones are refused. Admins only. */
export async function setPersonRetired({ actor, personId, retired }: { actor: TActor | null; personId: string; retired: boolean }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can retire people.");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.person.updateMany({ where: { id: personId }, data: { retiredAt: retired ? new Date() : null } });
    if (count === 0) throw new AppError("NOT_FOUND", "No such person.");
    await recordChanges(tx, [{ kind: "person", personId }]);
  });
}

/**
 * Merge a duplicate into the person who stays: every credit moves (a credit the
 * survivor already has for the same story and role is not doubled), the
 * duplicate's addresses redirect to the survivor, missing details are filled
 * from the duplicate, and a linked account moves if the survivor has none.
 * Admins only.
 */
export async function mergePeople({ actor, survivorId, duplicateId }: { actor: TActor | null; survivorId: string; duplicateId: string }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can merge people.");
  if (survivorId === duplicateId) throw new AppError("INVALID_INPUT", "Choose two different people to merge.");
  const merged = await prisma.$transaction(async (tx) => {
    const [survivor, duplicate] = await Promise.all([
      tx.person.findUnique({ where: { id: survivorId } }),
      tx.person.findUnique({ where: { id: duplicateId } }),
    ]);
    if (!survivor || !duplicate) throw new AppError("NOT_FOUND", "One of the two people no longer exists.");
    const credits = await tx.storyCredit.findMany({ where: { personId: duplicate.id } });
    for (const credit of credits) {
      const existing = await tx.storyCredit.findUnique({
        where: { storyId_personId_role: { storyId: credit.storyId, personId: survivor.id, role: credit.role } },
      });
      if (existing) await tx.storyCredit.delete({ where: { id: credit.id } });
      else await tx.storyCredit.update({ where: { id: credit.id }, data: { personId: survivor.id } });
    }
    await tx.personSlug.updateMany({ where: { personId: duplicate.id }, data: { personId: survivor.id } });
    await tx.person.update({ where: { id: duplicate.id }, data: { userId: null } });
    await tx.person.delete({ where: { id: duplicate.id } });
    await tx.personSlug.create({ data: { slug: duplicate.slug, personId: survivor.id } });
    const merged = await tx.person.update({
      where: { id: survivor.id },
      data: {
        title: survivor.title ?? duplicate.title,
        affiliation: survivor.affiliation ?? duplicate.affiliation,
        shortBio: survivor.shortBio ?? duplicate.shortBio,
        longBio: survivor.longBio ?? duplicate.longBio,
        userId: survivor.userId ?? duplicate.userId,
      },
      select: PERSON,
    });
    // The duplicate's pages are now the survivor's old slugs; its story pages carry the survivor's tag once rendered again.
    await recordChanges(tx, [
      { kind: "person", personId: merged.id },
      { kind: "person", personId: duplicateId },
    ]);
    return merged;
  });
  return merged;
}

/** Link a person to a login account (or unlink with null). One person per account. Admins only. */
export async function linkPersonToUser({ actor, personId, userId }: { actor: TActor | null; personId: string; userId: string | null }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can link accounts to people.");
  try {
    return await prisma.person.update({ where: { id: personId }, data: { userId }, select: PERSON });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "P2025") throw new AppError("NOT_FOUND", "No such person.");
    if (code === "P2003") throw new AppError("NOT_FOUND", "No such account.");
    throw fromPrismaError(err, "That account is already linked to another person.");
  }
}

/** Give a person a portrait from the media library (or none). Admins only. */
export async function setPersonPhoto({ actor, personId, mediaId }: { actor: TActor | null; personId: string; mediaId: string | null }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can edit people.");
  await prisma.$transaction(async (tx) => {
    if (mediaId && !(await tx.media.findUnique({ where: { id: mediaId }, select: { id: true } }))) {
      throw new AppError("INVALID_INPUT", "That image is no longer in the library. Choose another.");
    }
    const { count } = await tx.person.updateMany({ where: { id: personId }, data: { photoId: mediaId } });
    if (count === 0) throw new AppError("NOT_FOUND", "No such person.");
    await recordChanges(tx, [{ kind: "person", personId }]);
  });
}
