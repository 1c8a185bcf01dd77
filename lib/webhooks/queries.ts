import "server-only";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

function adminOnly(actor: TActor | null) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in again to see webhooks.");
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can see webhooks.");
}

/** What admins see of an endpoint (never its secret). */
const HOOK = {
  id: true,
  url: true,
  description: true,
  events: true,
  active: true,
  disabledReason: true,
  disabledAt: true,
  failingSince: true,
  createdAt: true,
} as const;

/** Every endpoint, with how its deliveries stand. */
export async function listWebhooks({ actor }: { actor: TActor | null }) {
  adminOnly(actor);
  const [hooks, counts] = await Promise.all([
    prisma.webhook.findMany({ orderBy: { createdAt: "desc" }, select: HOOK }),
    prisma.webhookDelivery.groupBy({ by: ["webhookId", "status"], _count: { _all: true } }),
  ]);
  return hooks.map((h) => ({
    ...h,
    deliveries: Object.fromEntries(counts.filter((c) => c.webhookId === h.id).map((c) => [c.status, c._count._all])) as Partial<
      Record<"PENDING" | "DELIVERED" | "FAILED", number>
    >,
  }));
}

export const DELIVERY_LOG_SIZE = 50;

/** One endpoint and its newest deliveries, each with every attempt (status, response code, time). */
export async function getWebhookLog({ actor, webhookId }: { actor: TActor | null; webhookId: string }) {
  adminOnly(actor);
  const hook = await prisma.webhook.findUnique({
    where: { id: webhookId },
    select: {
      ...HOOK,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: DELIVERY_LOG_SIZE,
        select: {
          id: true,
          type: true,
          status: true,
          attempts: true,
          nextAttemptAt: true,
          createdAt: true,
          deliveredAt: true,
          log: { orderBy: { at: "asc" }, select: { id: true, at: true, statusCode: true, error: true, durationMs: true, manual: true } },
        },
      },
    },
  });
  if (!hook) throw new AppError("NOT_FOUND", "No such webhook.");
  return hook;
}
