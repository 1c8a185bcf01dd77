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
