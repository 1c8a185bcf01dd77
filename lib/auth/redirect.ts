/**
 * Where to send someone after signing in: a path on this site, never another
 * host. Anything odd (absolute URLs, `//host`, `/\host`, control characters,
 * `javascript:`) falls back to the newsroom home.
 */
export function safeNextPath(next: unknown, fallback = "/newsroom"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  for (const ch of next) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || ch === "\\") return fallback;
  }
  try {
    const base = "http://newsroom.invalid";
    const url = new URL(next, base);
    if (url.origin !== base) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
