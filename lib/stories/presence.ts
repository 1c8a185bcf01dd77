import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadVisibleStory } from "./access";

/** Someone counts as having the story open this long after their last heartbeat. */
export const PRESENCE_WINDOW_MS = 30_000;

/**
 * "I have this story open": record the heartbeat and answer who else has it
 * open. Information only: saving still goes through the version check.
 */
export async function heartbeat({ actor, storyId }: { actor: TActor | null; storyId: string }) {
  if (!actor || actor.kind !== "user") throw new AppError("UNAUTHORIZED", "Sign in again.");
  await loadVisibleStory({ actor, storyId, query: { select: { id: true } } });
  const now = new Date();
  await prisma.storyPresence.upsert({
    where: { storyId_userId: { storyId, userId: actor.id } },
    create: { storyId, userId: actor.id, seenAt: now },
    update: { seenAt: now },
  });
  const others = await prisma.storyPresence.findMany({
    where: { storyId, userId: { not: actor.id }, seenAt: { gt: new Date(now.getTime() - PRESENCE_WINDOW_MS) } },
    orderBy: { seenAt: "desc" },
    select: { user: { select: { id: true, name: true } } },
  });
  return others.map((o) => o.user);
}

/** "I closed it": others stop seeing me at once rather than after the window. */
export async function leaveStory({ actor, storyId }: { actor: TActor | null; storyId: string }) {
  if (!actor || actor.kind !== "user") return;
  await prisma.storyPresence.deleteMany({ where: { storyId, userId: actor.id } });
}
