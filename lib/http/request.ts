import { config } from "@/lib/config/config";
import { AppError } from "@/lib/errors";
import { peerAddress } from "./peer-address";

// The cross-site check lives in ./same-origin.ts (which addresses are this site's).
export { crossSiteReason, isSameOrigin } from "./same-origin";

/**
 * The request body, up to `max` bytes. A larger body is refused as soon as it
 * is known to be larger (from Content-Length, or while reading), with TOO_LARGE;
 * a body that stops arriving for `idleMs` is abandoned with TIMEOUT.
 */
export async function readBodyWithLimit(request: Request, max: number, tooLarge: string, idleMs = 30_000): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw new AppError("TOO_LARGE", tooLarge);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<"stalled">((resolve) => (timer = setTimeout(() => resolve("stalled"), idleMs)));
    const next = await Promise.race([reader.read(), stalled]).finally(() => clearTimeout(timer));
    if (next === "stalled") {
      void reader.cancel().catch(() => {});
      throw new AppError("TIMEOUT", `The upload stopped arriving (nothing for ${Math.round(idleMs / 1000)} s). Check the connection and try again.`);
    }
    const { done, value } = next;
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      void reader.cancel().catch(() => {});
      throw new AppError("TOO_LARGE", tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The client's address, for throttling and the audit log. The chain is what
 * X-Forwarded-For says, then the TCP peer itself (lib/http/peer-address.ts —
 * Next keeps a client's own X-Forwarded-For and drops the socket address).
 * With no proxy (NEWSROOM_TRUSTED_PROXIES=0, the default) the peer is the
 * client and the header is ignored; behind N trusted proxies, each appending
 * what it saw, the client is the entry N places left of the peer. Anything
 * further left was written by the client and is never believed. Null when the
 * peer is not known (a request Next took before start-up finished).
 */
export function clientAddress(headers: Headers, trustedProxies = config("NEWSROOM_TRUSTED_PROXIES")): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const chain: (string | null)[] = [...forwarded, peerAddress(headers)];
  const proxies = Math.max(0, Math.floor(trustedProxies));
  const client = chain[Math.max(0, chain.length - 1 - proxies)];
  return client ? client.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").slice(0, 64) : null;
}
