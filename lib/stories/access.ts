import "server-only";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { StoryStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { canEditStory } from "./permissions";

/**
 * The one rule for which stories an actor may see in the newsroom, and the
 * load helpers built on it. Every newsroom read of stories goes through here:
 * lists AND `visibleStoryWhere(actor)` into their filter; single stories come
 * from `loadVisibleStory` / `loadEditableStory`, which answer NOT_FOUND for a
 * story the actor may not see, so "not yours" and "doesn't exist" look the same.
 *
 *   editors, admins, the system actor  every story
 *   contributors                       the stories they created
 *   nobody signed in                   nothing
 *
 * Lists of something else that name stories (an image's "used in", the refusal
 * to delete an image) filter their stories with it too, and count the rest.
 */
export function visibleStoryWhere(actor: TActor | null): Prisma.StoryWhereInput {
  // Checked before building the filter: Prisma drops `undefined`, so `createdById: actor?.id` would match everything.
  if (!actor) return NOTHING;
  if (hasRole(actor, "EDITOR")) return {};
  return actor.kind === "user" ? { createdById: actor.id } : NOTHING;
}

const NOTHING: Prisma.StoryWhereInput = { id: { in: [] } };

type Db = Prisma.TransactionClient;

export const STORY_NOT_FOUND = "That story does not exist, or you cannot open it.";

/** One story the actor may see, read with `query` (a select or include); NOT_FOUND otherwise (for "not yours" too). */
export async function loadVisibleStory<Q extends Prisma.StoryDefaultArgs>({
  db = prisma,
  actor,
  storyId,
  query,
}: {
  db?: Db;
  actor: TActor | null;
  storyId: string;
  query: Q;
}): Promise<Prisma.StoryGetPayload<Q>> {
  if (!actor) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again; your work on this page is kept.");
  const story = await db.story.findFirst({ ...query, where: { AND: [{ id: storyId }, visibleStoryWhere(actor)] } } as Prisma.StoryFindFirstArgs);
  if (!story) throw new AppError("NOT_FOUND", STORY_NOT_FOUND);
  return story as Prisma.StoryGetPayload<Q>;
}

type TAccessColumns = { status: StoryStatus; createdById: string };

/**
 * One story the actor may change the words of: NOT_FOUND when they may not see
 * it, FORBIDDEN (saying why) when they see it but its state or their role
 * keeps them out. `select` must include status and createdById.
 */
export async function loadEditableStory<S extends Prisma.StorySelect & { status: true; createdById: true }>({
  select,
  ...args
}: {
  db?: Db;
  actor: TActor | null;
  storyId: string;
  select: S;
}) {
  const story = await loadVisibleStory({ ...args, query: { select } });
  const access = story as unknown as TAccessColumns;
  if (!canEditStory(args.actor, access)) throw refuseEdit(access);
  return story;
}

/** Why an actor who sees a story may not edit it. */
export function refuseEdit(story: { status: string }): AppError {
  if (story.status === "ARCHIVED") return new AppError("FORBIDDEN", "This story is archived; an editor must unarchive it before anyone changes it.");
  if (story.status === "IN_REVIEW") return new AppError("FORBIDDEN", "This story is with the desk. Withdraw it to make changes, or ask an editor.");
  return new AppError(
    "FORBIDDEN",
    story.status === "DRAFT" ? "Only its author or an editor can edit this story." : "Only editors can change a story once it has left the draft stage.",
  );
}
