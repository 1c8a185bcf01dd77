import { NextResponse, type NextRequest } from "next/server";
import { crossSiteReason } from "@/lib/http/request";
import { newsroomCsp } from "@/lib/http/security-headers.cjs";

/**
 * Runs before the routes it matches (see `config`), in this order:
 *
 * 1. Cross-site requests: anything but GET/HEAD/OPTIONS must carry an Origin (or,
 *    failing that, a Referer) of this site, or it is refused (403) — server
 *    actions, route handlers and next-auth alike, `text/plain` posts included.
 *    The one exception is the loopback cache-refresh route, which takes no
 *    cookie and answers only to the process's own token. Which origins are this
 *    site's, and what a page opened at another address is told: lib/http/same-origin.ts.
 * 2. A server action without a session cookie is refused (401) before any code
 *    runs: only signed-in newsroom pages have actions.
 * 3. Newsroom and sign-in pages get a Content-Security-Policy with a fresh nonce
 *    (Next puts it on its own scripts); public pages have a fixed policy
 *    (next.config.js) because they are cached whole.
 *
 * Reader pages (the front page, stories, sections, tags, people, corrections,
 * search) are answered by server/main.ts before Next, so they never pass here:
 * old slugs and a database outage are handled where the page is made (site/).
 *
 * The session itself is checked where it is used (every newsroom page and
 * domain function), so a request that slips past this file (CVE-2025-29927's
 * x-middleware-subrequest trick) still meets the same checks.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const crossSite = !SAFE_METHODS.has(request.method) ? crossSiteReason(request) : null;
  if (crossSite) {
    // JSON for the sign-in form and other fetch callers, which show `error` to the person; plain text otherwise.
    const headers = { "Cache-Control": "no-store" };
    if (request.headers.get("content-type")?.includes("application/json")) return NextResponse.json({ error: crossSite }, { status: 403, headers });
    return new NextResponse(crossSite, { status: 403, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (request.headers.has("next-action") && !request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) {
    return NextResponse.json({ error: "Sign in first." }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  if (pathname === "/login" || pathname === "/newsroom" || pathname.startsWith("/newsroom/")) return withNonce(request);
  return NextResponse.next();
}

/** Pass the request on with a nonce policy: on the request (Next reads the nonce from it) and on the response. */
function withNonce(request: NextRequest) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const csp = newsroomCsp(btoa(String.fromCharCode(...bytes)));
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    "/newsroom/:path*",
    "/login",
    // Every API route but the upload (POST /api/media): Next copies the body of each
    // request it passes through this file and hands the route only the first 10 MB
    // (proxyClientMaxBodySize), and only once the whole body has arrived, so a 19 MB
    // photo came out "damaged", and no early 413 or stall timeout was possible. The
    // upload route checks the origin and session itself and reads its body with a
    // size limit and an idle timeout (lib/http/request.ts).
    "/api/((?!media$).*)",
    // Server actions can be posted to any page's address, also as plain forms (no
    // Next-Action header): every request with a body passes the cross-site check.
    { source: "/((?!api/media$).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!api/media$).*)", has: [{ type: "header", key: "content-type" }] },
  ],
};
