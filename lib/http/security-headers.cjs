// @ts-check
/**
 * The security headers, in one place (CommonJS so that next.config.js can read
 * it too): next.config.js sets the static ones on every response; proxy.ts
 * gives newsroom pages a per-request nonce policy.
 */

/** Directives every page shares: nothing from elsewhere, no plugins, no <base>, never framed. */
const COMMON = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
];

/**
 * Reader pages are cached whole, so they cannot carry a per-request nonce:
 * scripts only from our own origin, none inline. The pages are complete HTML
 * that needs no script, so blocking Next's inline data costs readers nothing
 * and closes the door on injected script.
 */
const PUBLIC_CSP = [...COMMON, "script-src 'self'", "style-src 'self' 'unsafe-inline'"].join("; ");

/** Reader pages rendered by our own server (site/): plain HTML and our stylesheet, no script and no inline style at all. */
const SITE_CSP = [...COMMON, "script-src 'none'", "style-src 'self'"].join("; ");

/** A live story's page: the same, but for our own live-updates script (a file from this origin; still nothing inline). */
const LIVE_SITE_CSP = [...COMMON, "script-src 'self'", "style-src 'self'"].join("; ");

/**
 * Newsroom pages are rendered per request: Next's scripts carry this request's
 * nonce, and what they load is trusted from there.
 * @param {string} nonce
 */
function newsroomCsp(nonce) {
  return [...COMMON, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`, "style-src 'self' 'unsafe-inline'"].join("; ");
}

/** Headers for every response (CSP and HSTS are added per path and host). */
const BASE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "X-Frame-Options": "DENY",
};

/** Two years, subdomains too; sent only when the site is not on localhost (next.config.js). */
const HSTS = "max-age=63072000; includeSubDomains";

/** Hosts that get no HSTS: a developer's own machine. */
const LOCAL_HOSTS = "localhost|127\\.0\\.0\\.1|\\[::1\\]";

module.exports = { PUBLIC_CSP, SITE_CSP, LIVE_SITE_CSP, newsroomCsp, BASE_HEADERS, HSTS, LOCAL_HOSTS };
