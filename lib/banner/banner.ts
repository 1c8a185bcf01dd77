import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { recordChanges } from "@/lib/changes";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * The breaking-news banner: one line, with an optional link, on every reader
 * page. The desk (editors and admins) puts one up and takes it down; putting up
 * a new one replaces the old. Each change is an outbox event (lib/changes.ts,
 * label "banner", which every reader page carries), so every process shows or
 * drops it as soon as it hears the event.
 */

export const BANNER_MAX = 140;

/** A path on this site ("/stories/…", not "//host") or an http(s) address. */
function isBannerLink(value: string): boolean {
  if (/^\/(?![/\\])/.test(value)) return !/[\s\\]/.test(value);
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const ZBanner = z.object({
  text: z.string().trim().min(1, "Write the line readers see.").max(BANNER_MAX, `At most ${BANNER_MAX} characters: it is one line.`),
  url: z
    .string()
    .trim()
    .max(2000, "At most 2,000 characters.")
    .optional()
    .transform((s) => s || null)
    .refine((s) => s === null || isBannerLink(s), 'Link to a page on this site ("/stories/…") or an address starting with https://.'),
});
export type TBannerInput = z.input<typeof ZBanner>;

export type TBanner = { id: string; text: string; url: string | null; createdAt: Date };

function deskOnly(actor: TActor | null) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in again to change the banner.");
  if (!hasRole(actor, "EDITOR")) throw new AppError("FORBIDDEN", "Only editors and admins put up the breaking-news banner.");
}

/** The banner up now, or null. */
export async function getBanner(): Promise<TBanner | null> {
  return prisma.banner.findFirst({ where: { endedAt: null }, orderBy: { createdAt: "desc" }, select: { id: true, text: true, url: true, createdAt: true } });
}

/** Put up a banner (replacing the one up, if any). */
export async function setBanner({ actor, data }: { actor: TActor | null; data: TBannerInput }): Promise<TBanner> {
  deskOnly(actor);
  const parsed = ZBanner.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some fields need attention.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  return prisma.$transaction(async (tx) => {
    await tx.banner.updateMany({ where: { endedAt: null }, data: { endedAt: new Date() } });
    const banner = await tx.banner.create({
      data: { ...parsed.data, createdById: actor!.kind === "user" ? actor!.id : null },
      select: { id: true, text: true, url: true, createdAt: true },
    });
    await recordAudit(tx, { actor: actor!, action: "banner.set", details: { text: banner.text, url: banner.url ?? "" } });
    await recordChanges(tx, [{ kind: "banner" }]);
    return banner;
  });
}

/** Take the banner down; nothing happens when none is up. */
export async function clearBanner({ actor }: { actor: TActor | null }): Promise<TBanner | null> {
  deskOnly(actor);
  return prisma.$transaction(async (tx) => {
    const up = await tx.banner.findFirst({
      where: { endedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, text: true, url: true, createdAt: true },
    });
    if (!up) return null;
    await tx.banner.updateMany({ where: { endedAt: null }, data: { endedAt: new Date() } });
    await recordAudit(tx, { actor: actor!, action: "banner.clear", details: { text: up.text } });
    await recordChanges(tx, [{ kind: "banner" }]);
    return up;
  });
}
