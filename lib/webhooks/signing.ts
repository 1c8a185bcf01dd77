import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Signing as the Standard Webhooks specification says
 * (https://www.standardwebhooks.com, spec/standard-webhooks.md): the secret is
 * "whsec_" and base64 of random bytes; each message carries `webhook-id` (the
 * same on every retry), `webhook-timestamp` (Unix seconds) and
 * `webhook-signature`: "v1," and the base64 HMAC-SHA256, keyed with the
 * secret's bytes, of "<id>.<timestamp>.<body>". Receivers check it with any
 * Standard Webhooks library (the README shows one, and a plain Node version).
 */
export const SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
}

/** The `webhook-signature` header for a message. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac("sha256", keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest("base64")}`;
}

/** The three headers a delivery carries. */
export function webhookHeaders(secret: string, id: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signWebhook(secret, id, timestamp, body) };
}

/** A receiver's check (the README's example, and the tests'): signature matches and the timestamp is within 5 minutes. */
export function verifyWebhook(secret: string, headers: Record<string, string | undefined>, body: string, now = new Date()): boolean {
  const id = headers["webhook-id"];
  const timestamp = Number(headers["webhook-timestamp"]);
  if (!id || !Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > 300) return false;
  const expected = Buffer.from(signWebhook(secret, id, timestamp, body).slice(3), "base64");
  return (headers["webhook-signature"] ?? "").split(" ").some((part) => {
    const [version, sig] = part.split(",", 2);
    if (version !== "v1" || !sig) return false;
    const given = Buffer.from(sig, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
