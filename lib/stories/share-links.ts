import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit";
import { hasRole, SYSTEM_ACTOR, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { absoluteUrl } from "@/lib/site";
import { loadVisibleStory } from "./access";
import { getStoryForEditor } from "./queries";

/**
 * Share links: a story's preview for someone outside the newsroom (a source
 * checking a quote, a lawyer) without an account. The link holds 32 random bytes;
 * the database keeps their SHA-256 only. A link expires (1 hour to 30 days),
 * can be revoked, shows the last saved version (never cached, never indexed,
 * sent with no Referer onward), and every opening is recorded: when, from which
 * address, with which browser. Editors and admins make and revoke them.
 */

export const ZShareLinkCreate = z.object({
  storyId: z.string().min(1),
  label: z.string().trim().min(1, 'Say who it is for ("Legal", "Source: J. Doe").').max(100, "At most 100 characters."),
  hours: z.coerce
    .number()
    .int()
    .min(1, "At least an hour.")
    .max(30 * 24, "At most 30 days.")
    .default(72),
});
export type TShareLinkCreate = z.input<typeof ZShareLinkCreate>;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const shareUrl = (token: string) => absoluteUrl(`/share/${token}`);

function editorOnly(actor: TActor | null) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in again to share a preview.");
  if (!hasRole(actor, "EDITOR")) throw new AppError("FORBIDDEN", "Only editors can share a story's preview outside the newsroom.");
}

/** Make a link; its address (with the token) is in the answer and shown once. */
export async function createShareLink({ actor, data }: { actor: TActor | null; data: TShareLinkCreate }) {
  editorOnly(actor);
  const parsed = ZShareLinkCreate.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some fields need attention.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { storyId, label, hours } = parsed.data;
  const token = randomBytes(32).toString("base64url");
  const link = await prisma.$transaction(async (tx) => {
    const story = await loadVisibleStory({ db: tx, actor, storyId, query: { select: { id: true, headline: true, status: true } } });
    if (story.status === "ARCHIVED") throw new AppError("FORBIDDEN", "This story is archived; unarchive it before sharing its preview.");
    const created = await tx.shareLink.create({
      data: {
        storyId,
        label,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + hours * 3600_000),
        createdById: actor!.kind === "user" ? actor!.id : await systemUserId(tx),
      },
      select: { id: true, label: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actor: actor!,
      action: "share.create",
      storyId,
      details: { headline: story.headline, label, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  return { link, url: shareUrl(token) };
}

/** The command line has no user: its links are made in the first admin's name. */
async function systemUserId(tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0]): Promise<string> {
  const admin = await tx.user.findFirst({ where: { role: "ADMIN", active: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!admin) throw new AppError("CONFLICT", "There is no active admin to make the link in the name of.");
  return admin.id;
}

export async function revokeShareLink({ actor, linkId }: { actor: TActor | null; linkId: string }) {
  editorOnly(actor);
  return prisma.$transaction(async (tx) => {
    const link = await tx.shareLink.findUnique({ where: { id: linkId }, select: { id: true, storyId: true, label: true, revokedAt: true } });
    if (!link) throw new AppError("NOT_FOUND", "No such share link.");
    await loadVisibleStory({ db: tx, actor, storyId: link.storyId, query: { select: { id: true } } });
    if (link.revokedAt) return link;
    const revoked = await tx.shareLink.update({
      where: { id: linkId },
      data: { revokedAt: new Date() },
      select: { id: true, storyId: true, label: true, revokedAt: true },
    });
    await recordAudit(tx, { actor: actor!, action: "share.revoke", storyId: link.storyId, details: { label: link.label } });
    return revoked;
  });
}

/** A story's links, newest first, with their uses (how many, the last few). */
export async function listShareLinks({ actor, storyId }: { actor: TActor | null; storyId: string }) {
  editorOnly(actor);
  await loadVisibleStory({ actor, storyId, query: { select: { id: true } } });
  return prisma.shareLink.findMany({
    where: { storyId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      label: true,
      expiresAt: true,
      revokedAt: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      _count: { select: { uses: true } },
      uses: { orderBy: { at: "desc" }, take: 5, select: { at: true, address: true, userAgent: true } },
    },
  });
}

export const SHARE_GONE = "This preview link has expired or was revoked. Ask the newsroom for a new one.";

/**
 * Open a link: record the use, and answer the story's last saved version as the
 * preview shows it. NOT_FOUND (one sentence for every case: unknown, expired,
 * revoked, story gone) otherwise.
 */
export async function openShareLink(
  token: string,
  visitor: { address: string | null; userAgent: string | null },
  { now = new Date(), record = true }: { now?: Date; record?: boolean } = {},
) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new AppError("NOT_FOUND", SHARE_GONE);
  const link = await prisma.shareLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, storyId: true, label: true, expiresAt: true, revokedAt: true },
  });
  if (!link || link.revokedAt || link.expiresAt <= now) throw new AppError("NOT_FOUND", SHARE_GONE);
  const story = await getStoryForEditor({ actor: SYSTEM_ACTOR, storyId: link.storyId }).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") throw new AppError("NOT_FOUND", SHARE_GONE);
    throw err;
  });
  if (story.status === "ARCHIVED") throw new AppError("NOT_FOUND", SHARE_GONE);
  // A use is an opening that showed the story (not a refusal, not a HEAD request's look at the headers).
  if (record)
    await prisma.shareLinkUse.create({
      data: { linkId: link.id, at: now, address: visitor.address?.slice(0, 100) ?? null, userAgent: visitor.userAgent?.slice(0, 300) ?? null },
    });
  return { link, story };
}
