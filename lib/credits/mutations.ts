import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { workingContent } from "@/lib/stories/content";
import { loadForCredits, saveStoryCredits } from "@/lib/stories/mutations";
import { ZCredits, type TCreditInput } from "./schemas";

/**
 * Replace a story's credits, based on the story version the editor saw (the
 * same optimistic check as every story save; on a published story they join its
 * pending update). Only existing people; retired
 * people only where the story already credited them in that role; one credit
 * per person and role.
 */
export async function setStoryCredits({
  actor,
  storyId,
  baseVersion,
  credits,
}: {
  actor: TActor | null;
  storyId: string;
  baseVersion: number;
  credits: TCreditInput[];
}) {
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
    const story = await loadForCredits(tx, actor, storyId);
    const people = await tx.person.findMany({
      where: { id: { in: [...new Set(list.map((c) => c.personId))] } },
      select: { id: true, name: true, retiredAt: true },
    });
    const byId = new Map(people.map((p) => [p.id, p]));
    const already = new Set(workingContent(story).credits.map((c) => `${c.personId}:${c.role}`));
    for (const c of list) {
      const person = byId.get(c.personId);
      if (!person)
        throw new AppError("INVALID_INPUT", "One of the credited people no longer exists. Search for them again.", {
          credits: ["Choose people from the list."],
        });
      if (person.retiredAt && !already.has(`${c.personId}:${c.role}`)) {
        throw new AppError("INVALID_INPUT", `${person.name} is retired and cannot get new credits.`, { credits: [`${person.name} is retired.`] });
      }
    }
    const credits = list.map((c) => ({ personId: c.personId, role: c.role, location: c.location ?? null, override: c.override ?? null }));
    return saveStoryCredits(tx, { actor, story, baseVersion, credits });
  });
}
