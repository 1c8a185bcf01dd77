import { AppError } from "@/lib/errors";
import { siteUrl } from "@/lib/site";

/**
 * True when a state-changing request comes from one of our own pages: its
 * Origin (or, failing that, Referer) is this server's origin or SITE_URL's.
 * Requests with neither header are refused.
 */
export function isSameOrigin(request: Request): boolean {
  const claimed = request.headers.get("origin") ?? originOf(request.headers.get("referer"));
  if (!claimed || claimed === "null") return false;
  return claimed === new URL(request.url).origin || claimed === originOf(siteUrl());
}

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The request body, up to `max` bytes. A larger body is refused as soon as it
 * is known to be larger (from Content-Length, or while reading), with TOO_LARGE.
 */
export async function readBodyWithLimit(request: Request, max: number, tooLarge: string): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw new AppError("TOO_LARGE", tooLarge);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new AppError("TOO_LARGE", tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The client's address, for throttling and the audit log. Next puts the socket's
 * address in X-Forwarded-For when the request has none; behind reverse proxies
 * (NEWSROOM_TRUSTED_PROXIES = how many, each appending what it saw) the entry the
 * outermost one appended is the client. Without a proxy a client can send its own
 * header, so deployments should sit behind one that overwrites or appends it.
 */
export function clientAddress(headers: Headers, trustedProxies = Number(process.env.NEWSROOM_TRUSTED_PROXIES) || 0): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const fromRight = Math.max(1, trustedProxies);
  return (entries[entries.length - fromRight] ?? entries[0]!).slice(0, 64);
}
