import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAttempt } from "./deliver";
import { ZWebhookCreate, type TWebhookCreate } from "./schemas";
import { resolvesPublicly, sendWebhook, targetProblem } from "./send";
import { newWebhookSecret } from "./signing";

/** Webhook endpoints: admins register, switch on and off, remove, and send a delivery again. */

function adminOnly(actor: TActor | null, what: string) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in again to manage webhooks.");
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", `Only admins can ${what}.`);
}

/** Register an endpoint; the signing secret is in the answer and shown once. */
export async function createWebhook({ actor, data }: { actor: TActor | null; data: TWebhookCreate }) {
  adminOnly(actor, "register webhooks");
  const parsed = ZWebhookCreate.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some fields need attention.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const problem = targetProblem(parsed.data.url) ?? (await resolvesPublicly(parsed.data.url));
  if (problem) throw new AppError("INVALID_INPUT", problem, { url: [problem] });
  const secret = newWebhookSecret();
  const webhook = await prisma.$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: { ...parsed.data, url: new URL(parsed.data.url).toString(), secret, createdById: actor!.kind === "user" ? actor!.id : null },
      select: { id: true, url: true, events: true, description: true, active: true, createdAt: true },
    });
    await recordAudit(tx, { actor: actor!, action: "webhook.create", details: { url: created.url, events: created.events } });
    return created;
  });
  return { webhook, secret };
}

/** Switch an endpoint on (what waited is sent, the failure clock starts again) or off (nothing is sent to it). */
export async function setWebhookActive({ actor, webhookId, active }: { actor: TActor | null; webhookId: string; active: boolean }) {
  adminOnly(actor, "switch webhooks on and off");
  return prisma.$transaction(async (tx) => {
    const hook = await tx.webhook.findUnique({ where: { id: webhookId }, select: { url: true } });
    if (!hook) throw new AppError("NOT_FOUND", "No such webhook.");
    const updated = await tx.webhook.update({
      where: { id: webhookId },
      data: active ? { active, failingSince: null, disabledAt: null, disabledReason: null } : { active, disabledAt: new Date(), disabledReason: null },
      select: { id: true, active: true },
    });
    await recordAudit(tx, { actor: actor!, action: active ? "webhook.enable" : "webhook.disable", details: { url: hook.url } });
    return updated;
  });
}

/** Remove an endpoint and its delivery log. */
export async function deleteWebhook({ actor, webhookId }: { actor: TActor | null; webhookId: string }) {
  adminOnly(actor, "remove webhooks");
  await prisma.$transaction(async (tx) => {
    const hook = await tx.webhook.findUnique({ where: { id: webhookId }, select: { url: true } });
    if (!hook) throw new AppError("NOT_FOUND", "No such webhook.");
    await tx.webhook.delete({ where: { id: webhookId } });
    await recordAudit(tx, { actor: actor!, action: "webhook.delete", details: { url: hook.url } });
  });
}

/** Send one delivery again now (the same message id and body, freshly signed); the attempt is logged as manual. */
export async function redeliver({ actor, deliveryId }: { actor: TActor | null; deliveryId: string }) {
  adminOnly(actor, "send webhook deliveries again");
  const d = await prisma.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, body: true, attempts: true, webhookId: true, webhook: { select: { url: true, secret: true } } },
  });
  if (!d) throw new AppError("NOT_FOUND", "No such delivery.");
  const result = await sendWebhook({ url: d.webhook.url, secret: d.webhook.secret, id: d.id, body: d.body });
  await recordAttempt(d, result, { manual: true });
  await recordAudit(prisma, {
    actor: actor!,
    action: "webhook.redeliver",
    details: { url: d.webhook.url, delivery: d.id, status: result.statusCode ?? result.error ?? "" },
  });
  return result;
}
