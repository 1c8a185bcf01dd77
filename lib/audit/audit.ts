import "server-only";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

type Tx = Prisma.TransactionClient;

/** What the audit log records. */
export const AUDIT_ACTIONS = {
  "story.publish": "Published",
  "story.publish-update": "Published an update",
  "story.publish-scheduled": "Published as scheduled",
  "story.schedule-failed": "Scheduled publishing failed",
  "story.unpublish": "Unpublished",
  "story.unpublish-scheduled": "Unpublished as scheduled",
  "story.schedule": "Scheduled",
  "story.unschedule": "Cancelled the schedule",
  "story.schedule-unpublish": "Scheduled unpublishing",
  "story.cancel-unpublish": "Cancelled scheduled unpublishing",
  "story.embargo": "Set an embargo",
  "story.embargo-lifted": "Lifted the embargo",
  "story.archive": "Archived",
  "story.unarchive": "Unarchived",
  "user.role": "Changed a role",
  "user.deactivate": "Deactivated an account",
  "user.activate": "Reactivated an account",
  "user.password-reset": "Reset a password",
  "user.password-change": "Changed their own password",
  "auth.sign-in": "Signed in",
  "auth.sign-in-failed": "Failed to sign in",
  "auth.sign-in-throttled": "Sign-in refused: too many failures",
  "apikey.create": "Created an API key",
  "apikey.revoke": "Revoked an API key",
  "webhook.create": "Registered a webhook",
  "webhook.delete": "Removed a webhook",
  "webhook.enable": "Switched a webhook on",
  "webhook.disable": "Switched a webhook off",
  "webhook.auto-disable": "Webhook switched off: every delivery failing",
  "webhook.redeliver": "Sent a webhook delivery again",
  "share.create": "Made a share link",
  "share.revoke": "Revoked a share link",
  "banner.set": "Put up the breaking-news banner",
  "banner.clear": "Took down the breaking-news banner",
  "live.start": "Started live coverage",
  "live.end": "Ended live coverage",
  "live.reopen": "Reopened live coverage",
  "live.remove-entry": "Removed a live entry",
} as const;
export type TAuditAction = keyof typeof AUDIT_ACTIONS;

/** Add an entry, inside the transaction of the change it records (so there is no change without its entry). */
export async function recordAudit(
  tx: Tx | typeof prisma,
  { actor, action, storyId, details = {} }: { actor: TActor; action: TAuditAction; storyId?: string; details?: Prisma.InputJsonObject },
) {
  await tx.auditEvent.create({ data: { actorId: actor.kind === "user" ? actor.id : null, action, storyId: storyId ?? null, details } });
}

export const AUDIT_PAGE_SIZE = 50;

/** The log, newest first. Admins only. */
export async function listAudit({ actor, page = 1 }: { actor: TActor | null; page?: number }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can read the audit log.");
  const [events, total] = await Promise.all([
    prisma.auditEvent.findMany({
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, action: true, storyId: true, details: true, actor: { select: { name: true, email: true } } },
    }),
    prisma.auditEvent.count(),
  ]);
  return { events, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
