import "server-only";
import { diffWords } from "diff";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { Prisma, RevisionKind, StoryStatus } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { plainText } from "@/lib/richtext/text";
import type { TContent } from "./content";
import { loadVisibleStory } from "./access";

type Tx = Prisma.TransactionClient;

/** Typing by one person within this long is one revision. */
export const COALESCE_MS = 5 * 60 * 1000;

/**
 * Keep the story's content as it is after a save. Autosaves by the same person
 * within a few minutes extend their last autosave revision; every explicit
 * save, credits change, status change and restore is a revision of its own.
 * Call inside the save's transaction, after the story row was written (its row
 * lock orders revisions of one story).
 */
export async function recordRevision(
  tx: Tx,
  {
    storyId,
    actor,
    kind,
    status,
    summary,
    content,
  }: { storyId: string; actor: TActor; kind: RevisionKind; status: StoryStatus; summary?: string; content: TContent },
) {
  const authorId = actor.kind === "user" ? actor.id : null;
  const last = await tx.storyRevision.findFirst({
    where: { storyId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, kind: true, authorId: true, updatedAt: true, status: true },
  });
  const json = content as unknown as Prisma.InputJsonObject;
  if (
    kind === "AUTOSAVE" &&
    last?.kind === "AUTOSAVE" &&
    last.authorId === authorId &&
    last.status === status &&
    Date.now() - last.updatedAt.getTime() < COALESCE_MS
  ) {
    return tx.storyRevision.update({ where: { id: last.id }, data: { content: json }, select: { id: true, number: true } });
  }
  return tx.storyRevision.create({
    data: { storyId, number: (last?.number ?? 0) + 1, kind, status, summary: summary ?? null, content: json, authorId },
    select: { id: true, number: true },
  });
}

async function requireVisibleStory(actor: TActor | null, storyId: string) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to see this story's history.");
  return loadVisibleStory({ actor, storyId, query: { select: { id: true } } });
}

/** A story's revisions, newest first. */
export async function listRevisions({ actor, storyId }: { actor: TActor | null; storyId: string }) {
  await requireVisibleStory(actor, storyId);
  return prisma.storyRevision.findMany({
    where: { storyId },
    orderBy: { number: "desc" },
    take: 200,
    select: { id: true, number: true, kind: true, status: true, summary: true, createdAt: true, updatedAt: true, author: { select: { name: true } } },
  });
}

export async function getRevision({ actor, storyId, number }: { actor: TActor | null; storyId: string; number: number }) {
  await requireVisibleStory(actor, storyId);
  const revision = await prisma.storyRevision.findUnique({ where: { storyId_number: { storyId, number } } });
  if (!revision) throw new AppError("NOT_FOUND", `There is no revision ${number} of this story.`);
  return { ...revision, content: revision.content as unknown as TContent };
}

export type TDiffPart = { value: string; added?: boolean; removed?: boolean };
export type TFieldDiff = { field: string; label: string; parts: TDiffPart[]; changed: boolean };

/** The credits as a line of text each, for comparing: "Byline: Jane Roe (Beijing)". */
async function creditLines(contents: TContent[]): Promise<string[][]> {
  const ids = [...new Set(contents.flatMap((c) => c.credits.map((k) => k.personId)))];
  const people = new Map((await prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  return contents.map((c) =>
    c.credits.map(
      (k) =>
        `${k.role.toLowerCase().replace(/_/g, " ")}: ${people.get(k.personId) ?? "someone removed"}${k.location ? ` (${k.location})` : ""}${k.override ? ` — “${k.override}”` : ""}`,
    ),
  );
}

/**
 * A readable word-level comparison of two revisions' headline, dek, dateline,
 * body text, tags and credits (older first, so additions are what the newer one added).
 */
export async function compareRevisions({
  actor,
  storyId,
  from,
  to,
}: {
  actor: TActor | null;
  storyId: string;
  from: number;
  to: number;
}): Promise<TFieldDiff[]> {
  const [a, b] = await Promise.all([getRevision({ actor, storyId, number: Math.min(from, to) }), getRevision({ actor, storyId, number: Math.max(from, to) })]);
  const [creditsA, creditsB] = await creditLines([a.content, b.content]);
  const fields: [string, string, string, string][] = [
    ["headline", "Headline", a.content.headline, b.content.headline],
    ["dek", "Dek", a.content.dek ?? "", b.content.dek ?? ""],
    ["dateline", "Dateline", a.content.dateline ?? "", b.content.dateline ?? ""],
    ["body", "Text", plainText(a.content.body), plainText(b.content.body)],
    ["tags", "Tags", (a.content.tags ?? []).join(", "), (b.content.tags ?? []).join(", ")],
    ["credits", "Credits", creditsA!.join("\n"), creditsB!.join("\n")],
  ];
  return fields.map(([field, label, before, after]) => ({ field, label, parts: diffWords(before, after), changed: before !== after }));
}
