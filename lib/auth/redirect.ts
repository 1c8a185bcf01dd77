const BASE = "http://newsroom.invalid";

/**
 * Where to send someone after signing in: a path on this site, never another
 * host. The target is judged as the browser will read it — resolved against
 * our origin, dot segments and all — and what is returned is that resolved
 * path, so `/.//evil`, `/x/..//evil` or `/%2e//evil` cannot turn into `//evil`
 * afterwards. Anything odd (absolute URLs, `//host`, `/\host`, control
 * characters, `javascript:`) falls back to the newsroom home.
 */
export function safeNextPath(next: unknown, fallback = "/newsroom"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  for (const ch of next) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || ch === "\\") return fallback;
  }
  try {
    const url = new URL(next, BASE);
    if (url.origin !== BASE) return fallback;
    const path = url.pathname + url.search + url.hash;
    // Resolving "/.//x" leaves "//x": as a Location that is another host.
    if (path.startsWith("//")) return fallback;
    return new URL(path, BASE).origin === BASE ? path : fallback;
  } catch {
    return fallback;
  }
}

/**
 * next-auth's redirect callback (every callbackUrl it reads: query, form field,
 * cookie): an absolute URL on `baseUrl`, through the same check. A full URL
 * of our own origin is judged by its path.
 */
export function safeAuthRedirect(url: string, baseUrl: string): string {
  let target: unknown = url;
  try {
    const absolute = new URL(url);
    if (absolute.origin === new URL(baseUrl).origin) target = absolute.pathname + absolute.search + absolute.hash;
  } catch {
    // not absolute: a path, judged as it is
  }
  return new URL(safeNextPath(target), baseUrl).href;
}
