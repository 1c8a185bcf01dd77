// GET /api/media/<id>/<variant> — a resized copy of a library image, e.g. w640.webp.
// Variant names are derived from the image's data, so each URL's bytes never change.
import { RateLimitedError } from "@/lib/errors";
import { serveVariant } from "@/lib/media/serve";

export const dynamic = "force-dynamic";

const SAFE = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
};

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; variant: string }> }) {
  const { id, variant } = await params;
  try {
    const served = await serveVariant(id, variant);
    if (served.kind === "redirect")
      return new Response(null, { status: 301, headers: { Location: served.location, "Cache-Control": "public, max-age=300", ...SAFE } });
    if (served.kind === "missing")
      return new Response("Not found", {
        status: 404,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60", ...SAFE },
      });
    return new Response(new Uint8Array(served.data), {
      headers: {
        "Content-Type": served.contentType,
        "Content-Length": String(served.data.length),
        "Cache-Control": "public, max-age=31536000, immutable",
        ...SAFE,
      },
    });
  } catch (err) {
    if (err instanceof RateLimitedError) {
      // The image queue is full (a burst of renders): come back shortly, nothing is wrong with the image.
      return new Response(err.message, {
        status: 503,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(err.retryAfterSeconds), ...SAFE },
      });
    }
    console.error(`Serving media ${id}/${variant} failed:`, err);
    return new Response("The image could not be prepared.", {
      status: 500,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...SAFE },
    });
  }
}
