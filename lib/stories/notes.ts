import "server-only";
import { z } from "zod";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadVisibleStory } from "./access";
import { publicStoryWhere } from "./queries";

import { NOTE_KINDS } from "./note-kinds";
import { recordChanges } from "@/lib/changes";

const ZNote = z.object({
  kind: z.enum(NOTE_KINDS, { message: "Choose what kind of note this is." }),
  body: z.string().trim().min(1, "Write the note.").max(2000, "A note can be at most 2,000 characters."),
});
export type TNoteInput = z.input<typeof ZNote>;

function parse(data: TNoteInput) {
  const parsed = ZNote.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Check the note.", z.flattenError(parsed.error).fieldErrors);
  return parsed.data;
}

function requireDesk(actor: TActor | null): asserts actor is TActor & { kind: "user" } {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in again; your note is kept here.");
  if (!hasRole(actor, "EDITOR") || actor.kind !== "user") throw new AppError("FORBIDDEN", "Only editors and admins add corrections and updates.");
}

/** Append a dated note to a story that has been published. */
export async function addStoryNote({ actor, storyId, data }: { actor: TActor | null; storyId: string; data: TNoteInput }) {
  requireDesk(actor);
  const note = parse(data);
  const story = await loadVisibleStory({ actor, storyId, query: { select: { firstPublishedAt: true } } });
  if (!story.firstPublishedAt)
    throw new AppError("INVALID_INPUT", "Corrections and updates are for stories readers have seen; this one has not been published yet.");
  return prisma.$transaction(async (tx) => {
    const created = await tx.storyNote.create({
      data: { storyId, ...note, createdById: actor.id },
      select: { id: true, kind: true, body: true, createdAt: true },
    });
    await recordChanges(tx, [{ kind: "story-note", storyId }]);
    return created;
  });
}

/** Change a note; what it said before is kept in its history (notes are never silently edited). */
export async function editStoryNote({ actor, noteId, data }: { actor: TActor | null; noteId: string; data: TNoteInput }) {
  requireDesk(actor);
  const next = parse(data);
  const edited = await prisma.$transaction(async (tx) => {
    const note = await tx.storyNote.findUnique({ where: { id: noteId }, select: { id: true, kind: true, body: true } });
    if (!note) throw new AppError("NOT_FOUND", "That note does not exist.");
    if (note.kind === next.kind && note.body === next.body) return tx.storyNote.findUniqueOrThrow({ where: { id: noteId } });
    await tx.storyNoteVersion.create({ data: { noteId, kind: note.kind, body: note.body, editedById: actor.id } });
    const edited = await tx.storyNote.update({ where: { id: noteId }, data: next });
    await recordChanges(tx, [{ kind: "story-note", storyId: edited.storyId }]);
    return edited;
  });
  return edited;
}

const NOTE_SELECT = { id: true, kind: true, body: true, createdAt: true, updatedAt: true, _count: { select: { history: true } } } as const;

/** A story's notes with their earlier wording, oldest first, for the desk. */
export async function listStoryNotesForDesk({ actor, storyId }: { actor: TActor | null; storyId: string }) {
  requireDesk(actor);
  return prisma.storyNote.findMany({
    where: { storyId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      body: true,
      createdAt: true,
      history: { orderBy: { replacedAt: "desc" }, select: { kind: true, body: true, replacedAt: true, editedBy: { select: { name: true } } } },
    },
  });
}

export const CORRECTIONS_PAGE_SIZE = 30;

/** Every note on public stories, newest first, for /corrections. */
export async function listPublicNotes(page = 1) {
  const where = { story: publicStoryWhere() };
  const [notes, total] = await Promise.all([
    prisma.storyNote.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CORRECTIONS_PAGE_SIZE,
      take: CORRECTIONS_PAGE_SIZE,
      select: { ...NOTE_SELECT, story: { select: { headline: true, slug: true } } },
    }),
    prisma.storyNote.count({ where }),
  ]);
  return { notes, total, page, pages: Math.max(1, Math.ceil(total / CORRECTIONS_PAGE_SIZE)) };
}
