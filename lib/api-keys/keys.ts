import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { API_SCOPES, type TApiClient, type TApiScope } from "@/lib/api/access";
import { recordAudit } from "@/lib/audit/audit";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { AppError, RateLimitedError } from "@/lib/errors";
import { countUse, USAGE_PROCESS } from "./usage";

/**
 * Keys for the delivery API. A key is "nk_" and 43 characters of randomness
 * (32 bytes); it is shown once, when made, and stored as its SHA-256 only (a
 * secret that random cannot be guessed from its hash; a slow password hash
 * would cost every API request). Admins make and revoke keys, in the newsroom
 * or with `npm run api-key`.
 *
 * Every request counts against the key's per-minute limit (`authenticateApiKey`):
 * one row per key and minute that every process adds to (lib/api-keys/usage.ts),
 * so processes share the limit (within a quarter second's lag). Those rows are the key's use
 * record too: requests (and refusals) per minute, kept 90 days.
 */

export const API_KEY_PREFIX = "nk_";
const USAGE_DAYS = 90;

export const ZApiKeyCreate = z.object({
  name: z.string().trim().min(1, "Give the key a name: who or what uses it.").max(100, "At most 100 characters."),
  scopes: z
    .array(z.enum(API_SCOPES))
    .min(1, "Choose at least one scope.")
    .transform((s) => [...new Set<TApiScope>(["content", ...s])]),
  rateLimit: z.coerce.number().int("A whole number.").min(1, "At least 1 request a minute.").max(100_000, "At most 100,000 a minute.").default(600),
});
export type TApiKeyCreate = z.input<typeof ZApiKeyCreate>;

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

function adminOnly(actor: TActor | null, what: string) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in again to manage API keys.");
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", `Only admins can ${what}.`);
}

/** Make a key; its secret is in the answer and nowhere else, ever. */
export async function createApiKey({ actor, data }: { actor: TActor | null; data: TApiKeyCreate }) {
  adminOnly(actor, "create API keys");
  const parsed = ZApiKeyCreate.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some fields need attention.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const secret = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  const key = await prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        ...parsed.data,
        prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
        secretHash: hashSecret(secret),
        createdById: actor!.kind === "user" ? actor!.id : null,
      },
      select: { id: true, name: true, prefix: true, scopes: true, rateLimit: true, createdAt: true },
    });
    await recordAudit(tx, { actor: actor!, action: "apikey.create", details: { key: created.name, prefix: created.prefix, scopes: created.scopes } });
    return created;
  });
  return { key, secret };
}

/** Revoke a key: refused from the next request on, by every process. */
export async function revokeApiKey({ actor, keyId }: { actor: TActor | null; keyId: string }) {
  adminOnly(actor, "revoke API keys");
  return prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: keyId }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!key) throw new AppError("NOT_FOUND", "No such API key.");
    if (key.revokedAt) return key;
    const revoked = await tx.apiKey.update({
      where: { id: keyId },
      data: { revokedAt: new Date() },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    await recordAudit(tx, { actor: actor!, action: "apikey.revoke", details: { key: key.name, prefix: key.prefix } });
    return revoked;
  });
}

/** Every key with its use: requests in the last 24 hours, refusals, when last used. */
export async function listApiKeys({ actor }: { actor: TActor | null }) {
  adminOnly(actor, "see API keys");
  const since = new Date(Date.now() - 24 * 3600_000);
  const [keys, ever, day] = await Promise.all([
    prisma.apiKey.findMany({
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      select: { id: true, name: true, prefix: true, scopes: true, rateLimit: true, createdAt: true, revokedAt: true, createdBy: { select: { name: true } } },
    }),
    prisma.apiKeyUsage.groupBy({ by: ["keyId"], _max: { minute: true } }),
    prisma.apiKeyUsage.groupBy({ by: ["keyId"], where: { minute: { gte: since } }, _sum: { requests: true, limited: true } }),
  ]);
  const last = new Map(ever.map((u) => [u.keyId, u._max.minute]));
  const recent = new Map(day.map((u) => [u.keyId, u._sum]));
  return keys.map((k) => ({
    ...k,
    lastUsedAt: last.get(k.id) ?? null,
    requestsToday: recent.get(k.id)?.requests ?? 0,
    limitedToday: recent.get(k.id)?.limited ?? 0,
  }));
}

export const MISSING_KEY_MESSAGE =
  "This API needs a key: send it as `Authorization: Bearer nk_…`. An admin makes keys in the newsroom (/newsroom/api-keys) or with `npm run api-key -- create --name … --scope content`.";

/**
 * Who is calling, counted against the key's limit: one read finds the key (not
 * revoked) and its use this minute; the request is counted (lib/api-keys/usage.ts).
 * UNAUTHORIZED for a missing, unknown or revoked key; RATE_LIMITED (with the
 * seconds to the next minute) past the limit, counted as refused.
 */
export async function authenticateApiKey(header: string | undefined): Promise<TApiClient & { remaining: number; limit: number; resetSeconds: number }> {
  const secret = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
  if (!secret) throw new AppError("UNAUTHORIZED", MISSING_KEY_MESSAGE);
  // The key and the minute's use the other processes have written (this one's is in memory), one indexed read.
  const rows = await prisma.$queryRaw<{ id: string; name: string; scopes: string[]; rateLimit: number; used: number; minute: bigint; reset: number }[]>`
    SELECT k.id, k.name, k.scopes, k."rateLimit",
      coalesce((SELECT sum(u.requests) FROM "ApiKeyUsage" u WHERE u."keyId" = k.id AND u.minute = m.minute AND u.process <> ${USAGE_PROCESS}), 0)::int AS used,
      extract(epoch FROM m.minute)::bigint AS minute,
      ceil(extract(epoch FROM (m.minute + interval '1 minute' - (now() AT TIME ZONE 'UTC'))))::int AS reset
    FROM (SELECT date_trunc('minute', now() AT TIME ZONE 'UTC') AS minute) m
    JOIN "ApiKey" k ON k."secretHash" = ${hashSecret(secret)} AND k."revokedAt" IS NULL`;
  const key = rows[0];
  if (!key)
    throw new AppError(
      "UNAUTHORIZED",
      "That API key is not valid: it was revoked, or mistyped. Ask an admin for a key (the newsroom's API keys page, /newsroom/api-keys).",
    );
  const resetSeconds = Math.max(1, key.reset);
  const { requests, limited } = countUse(key.id, Number(key.minute), key.used, key.rateLimit);
  if (limited)
    throw new RateLimitedError(`This key may make ${key.rateLimit} requests a minute; wait ${resetSeconds} s and try again.`, resetSeconds, key.rateLimit);
  return {
    keyId: key.id,
    name: key.name,
    scopes: key.scopes.filter((s): s is TApiScope => (API_SCOPES as readonly string[]).includes(s)),
    limit: key.rateLimit,
    remaining: key.rateLimit - requests,
    resetSeconds,
  };
}

/** Forget use older than 90 days (the maintenance loop calls this). */
export async function pruneApiKeyUsage(now = new Date()) {
  return prisma.apiKeyUsage.deleteMany({ where: { minute: { lt: new Date(now.getTime() - USAGE_DAYS * 86400_000) } } });
}
