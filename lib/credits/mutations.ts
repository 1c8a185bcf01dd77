import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canEditStory, canViewStory } from "@/lib/stories/permissions";
import { ZCredits, type TCreditInput } from "./schemas";

/**
 * Replace a story's credits, based on the story version the editor saw (the
 * same optimistic check as every story save). Only existing people; retired
 * people only where the story already credited them in that role; one credit
 * per person and role.
 */
export async function setStoryCredits({ actor, storyId, baseVersion, credits }: { actor: TActor | null; storyId: string; baseVersion: number; credits: TCreditInput[] }) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again; your work on this page is kept.");
  const parsed = ZCredits.safeParse(credits);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some credits need attention.", { credits: parsed.error.issues.map((i) => i.message) });
  const list = parsed.data;
  const seen = new Set<string>();
  for (const c of list) {
    const key = `${c.personId}:${c.role}`;
    if (seen.has(key)) throw new AppError("INVALID_INPUT", "The same person is credited twice in the same role.", { credits: ["Remove the repeated credit."] });
    seen.add(key);
  }
  return prisma.$transaction(async (tx) => {
    const story = await tx.story.findUnique({ where: { id: storyId }, select: { id: true, createdById: true, status: true, credits: { select: { personId: true, role: true } } } });
    if (!story || !canViewStory(actor, story)) throw new AppError("NOT_FOUND", "That story does not exist, or you cannot open it.");
    if (!canEditStory(actor, story)) throw new AppError("FORBIDDEN", "Only editors can change the credits of a published story.");
    const people = await tx.person.findMany({ where: { id: { in: [...new Set(list.map((c) => c.personId))] } }, select: { id: true, name: true, retiredAt: true } });
    const byId = new Map(people.map((p) => [p.id, p]));
    const already = new Set(story.credits.map((c) => `${c.personId}:${c.role}`));
    for (const c of list) {
      const person = byId.get(c.personId);
      if (!person) throw new AppError("INVALID_INPUT", "One of the credited people no longer exists. Search for them again.", { credits: ["Choose people from the list."] });
      if (person.retiredAt && !already.has(`${c.personId}:${c.role}`)) {
        throw new AppError("INVALID_INPUT", `${person.name} is retired and cannot get new credits.`, { credits: [`${person.name} is retired.`] });
      }
    }
    const { count } = await tx.story.updateMany({ where: { id: story.id, version: baseVersion }, data: { version: { increment: 1 } } });
    if (count === 0) throw new AppError("CONFLICT", "Someone else saved this story while you were editing it. Reload the credits and apply your change again.");
    await tx.storyCredit.deleteMany({ where: { storyId: story.id } });
    await tx.storyCredit.createMany({
      data: list.map((c, position) => ({ storyId: story.id, personId: c.personId, role: c.role, position, location: c.location ?? null, override: c.override ?? null })),
    });
    return tx.story.findUniqueOrThrow({ where: { id: story.id }, select: { id: true, version: true } });
  });
}
