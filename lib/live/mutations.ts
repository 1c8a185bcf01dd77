import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit";
import type { TActor } from "@/lib/auth/actor";
import { changingStory, recordChanges } from "@/lib/changes";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { checkStoryMedia, requireAltText } from "@/lib/media/mutations";
import { mediaIdsIn, plainText } from "@/lib/richtext/text";
import type { TRichDoc } from "@/lib/richtext/types";
import { validateRichText } from "@/lib/richtext/validate";
import { loadVisibleStory } from "@/lib/stories/access";
import { canChangeEntry, isDesk, liveState, newEntryState } from "./rules";
import { ZLiveEntry, ZLiveEntryEdit, type TLiveEntryEditInput, type TLiveEntryInput } from "./schemas";

/**
 * Writing a live story's coverage. Each entry is its own row with its own
 * version, so several people post at once without touching each other's work;
 * an edit or a removal based on an older version is refused. Every change
 * readers can see bumps the story's liveRevision and records a "live" event in
 * the same transaction (lib/changes.ts): the story's pages expire and open
 * pages are told (lib/live/updates.ts). Who may do what: ./rules.ts.
 */

type Tx = Prisma.TransactionClient;

export const ENTRY_NOT_FOUND = "That entry does not exist, or you cannot open it.";

/** What the newsroom gets back for an entry. */
export const ENTRY_SELECT = {
  id: true,
  storyId: true,
  headline: true,
  body: true,
  keyEvent: true,
  correction: true,
  state: true,
  version: true,
  createdAt: true,
  publishedAt: true,
  updatedAt: true,
  createdById: true,
  author: { select: { id: true, name: true } },
} as const;
export type TDeskEntry = Prisma.LiveEntryGetPayload<{ select: typeof ENTRY_SELECT }>;

function signedIn(actor: TActor | null): asserts actor is TActor {
  if (!actor) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again; your entry is kept here.");
}

function deskOnly(actor: TActor | null, what: string): asserts actor is TActor {
  signedIn(actor);
  if (!isDesk(actor)) throw new AppError("FORBIDDEN", `Only editors and admins ${what}.`);
}

const userId = (actor: TActor) => (actor.kind === "user" ? actor.id : null);

function fieldError(error: z.ZodError): AppError {
  return new AppError(
    "INVALID_INPUT",
    error.issues[0]?.message ?? "Some fields need attention.",
    z.flattenError(error).fieldErrors as Record<string, string[]>,
  );
}

/** The body checked against the editor's schema, and not empty. */
function entryBody(input: unknown): TRichDoc {
  const body = validateRichText(input);
  if (!plainText(body).trim() && !mediaIdsIn(body).length) throw new AppError("INVALID_INPUT", "Write the entry.", { body: ["Write the entry."] });
  return body;
}

/** The author must be someone in People who is not retired (an entry keeps a retired author it already had). */
async function checkAuthor(tx: Tx, authorId: string | null, keep?: string | null): Promise<string | null> {
  if (!authorId || authorId === keep) return authorId;
  const person = await tx.person.findUnique({ where: { id: authorId }, select: { retiredAt: true } });
  if (!person || person.retiredAt) throw new AppError("INVALID_INPUT", "Choose the author from People.", { authorId: ["Choose the author from People."] });
  return authorId;
}

/** Images must be in the library, and (for what readers see) carry alt text. */
async function checkImages(tx: Tx, body: TRichDoc, published: boolean) {
  const use = { lead: null, body: mediaIdsIn(body) };
  await checkStoryMedia(tx, use);
  if (published) await requireAltText(tx, use);
}

/** Bump the story's live revision and tell everyone (inside the change's transaction). */
async function announce(tx: Tx, storyId: string) {
  const { liveRevision } = await tx.story.update({ where: { id: storyId }, data: { liveRevision: { increment: 1 } }, select: { liveRevision: true } });
  await recordChanges(tx, [{ kind: "live", storyId, revision: liveRevision }]);
}

/** The story the actor sees, with its live columns. */
function liveStory(tx: Tx, actor: TActor, storyId: string) {
  return loadVisibleStory({ db: tx, actor, storyId, query: { select: { id: true, liveStartedAt: true, liveEndedAt: true, livePinnedId: true } } });
}

/** An entry the actor may see (through its story), locked for the rest of the transaction. */
async function loadEntry(tx: Tx, actor: TActor, entryId: string) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "LiveEntry" WHERE id = ${entryId} FOR UPDATE`;
  if (!locked) throw new AppError("NOT_FOUND", ENTRY_NOT_FOUND);
  const entry = await tx.liveEntry.findUniqueOrThrow({ where: { id: entryId }, select: ENTRY_SELECT });
  try {
    await liveStory(tx, actor, entry.storyId);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") throw new AppError("NOT_FOUND", ENTRY_NOT_FOUND);
    throw err;
  }
  return entry;
}

function checkVersion(entry: { version: number }, baseVersion: number) {
  if (entry.version !== baseVersion)
    throw new AppError("CONFLICT", "Someone changed this entry while you were editing it. Their version is shown now; your text is kept in the form.");
}

/** Keep what an entry said before it changes. */
function keepVersion(tx: Tx, actor: TActor, entry: TDeskEntry) {
  return tx.liveEntryVersion.create({
    data: {
      entryId: entry.id,
      headline: entry.headline,
      body: entry.body as Prisma.InputJsonValue,
      keyEvent: entry.keyEvent,
      correction: entry.correction,
      state: entry.state,
      authorId: entry.author?.id ?? null,
      editedById: userId(actor) ?? entry.createdById,
    },
  });
}

/** Make a story live (coverage starts now), or keep it live. */
export async function startLiveCoverage({ actor, storyId }: { actor: TActor | null; storyId: string }) {
  deskOnly(actor, "start live coverage");
  return prisma.$transaction(async (tx) => {
    const story = await liveStory(tx, actor, storyId);
    if (liveState(story) === "live") return story;
    if (liveState(story) === "ended") throw new AppError("INVALID_INPUT", "This coverage has ended; reopen it instead.");
    await changingStory(tx, storyId, () => tx.story.update({ where: { id: storyId }, data: { liveStartedAt: new Date(), liveEndedAt: null } }));
    await recordAudit(tx, { actor, action: "live.start", storyId });
    await announce(tx, storyId);
    return liveStory(tx, actor, storyId);
  });
}

/** End the coverage ("This live coverage has ended") or reopen it. */
export async function setLiveCoverageEnded({ actor, storyId, ended }: { actor: TActor | null; storyId: string; ended: boolean }) {
  deskOnly(actor, ended ? "end live coverage" : "reopen live coverage");
  return prisma.$transaction(async (tx) => {
    const story = await liveStory(tx, actor, storyId);
    const state = liveState(story);
    if (state === "off") throw new AppError("INVALID_INPUT", "This story is not live coverage.");
    if ((state === "ended") === ended) return story;
    await changingStory(tx, storyId, () => tx.story.update({ where: { id: storyId }, data: { liveEndedAt: ended ? new Date() : null } }));
    await recordAudit(tx, { actor, action: ended ? "live.end" : "live.reopen", storyId });
    await announce(tx, storyId);
    return liveStory(tx, actor, storyId);
  });
}

/** Post an entry: up at once from the desk, waiting for the desk from a contributor. */
export async function postLiveEntry({ actor, storyId, data }: { actor: TActor | null; storyId: string; data: TLiveEntryInput }): Promise<TDeskEntry> {
  signedIn(actor);
  const parsed = ZLiveEntry.safeParse(data);
  if (!parsed.success) throw fieldError(parsed.error);
  const body = entryBody(parsed.data.body);
  const state = newEntryState(actor);
  return prisma.$transaction(async (tx) => {
    const story = await liveStory(tx, actor, storyId);
    if (liveState(story) === "off") throw new AppError("INVALID_INPUT", "This story is not live coverage; start live coverage first.");
    if (liveState(story) === "ended") throw new AppError("INVALID_INPUT", "This live coverage has ended; an editor can reopen it. Your entry is kept here.");
    const authorId = await checkAuthor(tx, parsed.data.authorId);
    await checkImages(tx, body, state === "PUBLISHED");
    const createdById = userId(actor);
    if (!createdById) throw new AppError("FORBIDDEN", "Entries are posted by people signed in to the newsroom.");
    const entry = await tx.liveEntry.create({
      data: {
        storyId,
        headline: parsed.data.headline,
        body: body as Prisma.InputJsonValue,
        authorId,
        keyEvent: parsed.data.keyEvent,
        state,
        publishedAt: state === "PUBLISHED" ? new Date() : null,
        createdById,
      },
      select: ENTRY_SELECT,
    });
    if (state === "PUBLISHED") await announce(tx, storyId);
    return entry;
  });
}

/** Change an entry's words, headline, author or key-event mark; what it said is kept in its history. */
export async function editLiveEntry({
  actor,
  entryId,
  baseVersion,
  data,
}: {
  actor: TActor | null;
  entryId: string;
  baseVersion: number;
  data: TLiveEntryEditInput;
}): Promise<TDeskEntry> {
  signedIn(actor);
  const parsed = ZLiveEntryEdit.safeParse(data);
  if (!parsed.success) throw fieldError(parsed.error);
  const body = entryBody(parsed.data.body);
  return prisma.$transaction(async (tx) => {
    const entry = await loadEntry(tx, actor, entryId);
    if (!canChangeEntry(actor, entry)) throw refuseChange(entry);
    checkVersion(entry, baseVersion);
    const authorId = await checkAuthor(tx, parsed.data.authorId, entry.author?.id);
    await checkImages(tx, body, entry.state === "PUBLISHED");
    await keepVersion(tx, actor, entry);
    const edited = await tx.liveEntry.update({
      where: { id: entryId },
      data: {
        headline: parsed.data.headline,
        body: body as Prisma.InputJsonValue,
        authorId,
        keyEvent: parsed.data.keyEvent,
        correction: parsed.data.correction,
        version: { increment: 1 },
      },
      select: ENTRY_SELECT,
    });
    if (entry.state === "PUBLISHED") await announce(tx, entry.storyId);
    return edited;
  });
}

/** Take an entry off the page; it stays in the history (and is unpinned). */
export async function removeLiveEntry({ actor, entryId, baseVersion }: { actor: TActor | null; entryId: string; baseVersion: number }): Promise<TDeskEntry> {
  signedIn(actor);
  return prisma.$transaction(async (tx) => {
    const entry = await loadEntry(tx, actor, entryId);
    if (!canChangeEntry(actor, entry)) throw refuseChange(entry);
    checkVersion(entry, baseVersion);
    await keepVersion(tx, actor, entry);
    await tx.story.updateMany({ where: { livePinnedId: entryId }, data: { livePinnedId: null } });
    const removed = await tx.liveEntry.update({
      where: { id: entryId },
      data: { state: "REMOVED", removedAt: new Date(), version: { increment: 1 } },
      select: ENTRY_SELECT,
    });
    await recordAudit(tx, { actor, action: "live.remove-entry", storyId: entry.storyId, details: { entryId, headline: entry.headline ?? "" } });
    if (entry.state === "PUBLISHED") await announce(tx, entry.storyId);
    return removed;
  });
}

/** The desk puts a contributor's entry up (its time is now, when readers first see it). */
export async function publishLiveEntry({ actor, entryId, baseVersion }: { actor: TActor | null; entryId: string; baseVersion: number }): Promise<TDeskEntry> {
  deskOnly(actor, "publish a contributor's entry");
  return prisma.$transaction(async (tx) => {
    const entry = await loadEntry(tx, actor, entryId);
    if (entry.state !== "PENDING") throw new AppError("INVALID_INPUT", entry.state === "PUBLISHED" ? "This entry is already up." : "This entry was removed.");
    checkVersion(entry, baseVersion);
    await checkImages(tx, entry.body as TRichDoc, true);
    const published = await tx.liveEntry.update({
      where: { id: entryId },
      data: { state: "PUBLISHED", publishedAt: new Date(), version: { increment: 1 } },
      select: ENTRY_SELECT,
    });
    await announce(tx, entry.storyId);
    return published;
  });
}

/** Pin one entry above the newest (null: unpin). */
export async function pinLiveEntry({ actor, storyId, entryId }: { actor: TActor | null; storyId: string; entryId: string | null }) {
  deskOnly(actor, "pin entries");
  return prisma.$transaction(async (tx) => {
    const story = await liveStory(tx, actor, storyId);
    if (story.livePinnedId === entryId) return;
    if (entryId) {
      // Locked, so a removal cannot commit between this check and the pin.
      await tx.$queryRaw`SELECT id FROM "LiveEntry" WHERE id = ${entryId} FOR UPDATE`;
      const entry = await tx.liveEntry.findFirst({ where: { id: entryId, storyId }, select: { state: true } });
      if (!entry) throw new AppError("NOT_FOUND", ENTRY_NOT_FOUND);
      if (entry.state !== "PUBLISHED") throw new AppError("INVALID_INPUT", "Only an entry readers can see can be pinned.");
    }
    await tx.story.update({ where: { id: storyId }, data: { livePinnedId: entryId } });
    await announce(tx, storyId);
  });
}

function refuseChange(entry: { state: string }): AppError {
  if (entry.state === "REMOVED") return new AppError("INVALID_INPUT", "This entry was removed; it stays in the history as it was.");
  return new AppError("FORBIDDEN", "Only editors change an entry once it is published; a contributor can change their own until then.");
}
