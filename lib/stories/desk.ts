import "server-only";
import { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { visibleStoryWhere } from "./access";
import { STATUSES } from "./workflow";

export const ZDeskFilter = z.object({
  section: z.string().max(64).optional().catch(undefined),
  person: z.string().max(64).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
});
export type TDeskFilter = { section?: string; person?: string; status?: string };

const ITEM = {
  id: true,
  headline: true,
  status: true,
  updatedAt: true,
  scheduledAt: true,
  unpublishAt: true,
  embargoUntil: true,
  publishedAt: true,
  notice: true,
  deskNote: true,
  pending: true,
  createdBy: { select: { name: true } },
  section: { select: { name: true } },
} as const satisfies Prisma.StorySelect;
const LIMIT = 12;

/**
 * The desk: the short lists a newsroom starts its day with. Contributors see
 * their own stories; editors and admins everyone's, filtered by section, person
 * (credited or author) and state.
 */
export async function getDesk({ actor, filter }: { actor: TActor | null; filter: TDeskFilter }) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to see the desk.");
  const f = ZDeskFilter.parse(filter);
  const me = actor.kind === "user" ? actor.id : "";
  const base: Prisma.StoryWhereInput = {
    AND: [
      visibleStoryWhere(actor),
      ...(f.section ? [{ sectionId: f.section }] : []),
      ...(f.person ? [{ credits: { some: { personId: f.person } } }] : []),
      ...(f.status ? [{ status: f.status }] : []),
    ],
  };
  const now = new Date();
  const list = (where: Prisma.StoryWhereInput, orderBy: Prisma.StoryOrderByWithRelationInput) =>
    prisma.story
      .findMany({ where: { AND: [base, where] }, orderBy, take: LIMIT, select: ITEM })
      .then((rows) => rows.map(({ pending, ...r }) => ({ ...r, hasPending: pending !== null })));
  const [mine, review, scheduled, published, embargoed, attention] = await Promise.all([
    list({ createdById: me, status: "DRAFT" }, { updatedAt: "desc" }),
    list({ status: "IN_REVIEW" }, { updatedAt: "asc" }),
    list({ OR: [{ status: "SCHEDULED" }, { unpublishAt: { not: null } }] }, { scheduledAt: "asc" }),
    list({ status: "PUBLISHED" }, { publishedAt: "desc" }),
    list({ embargoUntil: { gt: now } }, { embargoUntil: "asc" }),
    list({ notice: { not: null } }, { updatedAt: "desc" }),
  ]);
  return { mine, review, scheduled, published, embargoed, attention };
}

export type TDeskItem = Awaited<ReturnType<typeof getDesk>>["mine"][number];
