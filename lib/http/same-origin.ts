import { hostname, networkInterfaces } from "node:os";
import { isIP } from "node:net";
import { configuredSiteOrigin } from "@/lib/site";
import { wrongAddressMessage } from "./wrong-address";

/**
 * Whether a state-changing request comes from one of this site's own pages,
 * judged from its Origin (or, failing that, its Referer). Requests naming
 * neither, or an opaque origin ("null"), are refused.
 *
 * Which origins are this site's:
 *
 * - SITE_URL set: its origin, and only that. A page opened at another address
 *   (http://127.0.0.1:3000 for https://news.example) is told so, with both
 *   addresses and the fix.
 * - SITE_URL unset (a newcomer's `npm start`): the address Next calls itself
 *   (http://localhost:PORT, which request.url always carries, whatever the
 *   browser typed), and the page's own address when the Host header names this
 *   machine on the port the server listens on: localhost, *.localhost, any
 *   loopback address (127.0.0.0/8, [::1]), the machine's name (os.hostname())
 *   or one of its interface addresses. The Origin must equal that Host. A
 *   DNS-rebinding page (evil.example resolved to 127.0.0.1) sends a Host of
 *   evil.example, which is no name of this machine, so it stays refused.
 */
export function crossSiteReason(request: Request): string | null {
  const claimed = originOf(request.headers.get("origin") ?? request.headers.get("referer"));
  if (!claimed) return NOT_OURS;
  const site = configuredSiteOrigin();
  if (site) return claimed === site ? null : wrongAddressMessage(site, claimed);

  const self = new URL(request.url);
  if (claimed === self.origin) return null;
  const opened = originOf(request.headers.get("host") ? `${self.protocol}//${request.headers.get("host")}` : null);
  if (!opened || claimed !== opened) return NOT_OURS;
  const page = new URL(opened);
  if (isThisMachine(page.hostname) && effectivePort(page) === effectivePort(self)) return null;
  // The page really was opened at that address (the Host agrees) and reached us, through a proxy or a name we do not know.
  return `This page was opened at ${opened}, which this newsroom does not know as its own address (SITE_URL is not set, so only this machine's own names on port ${effectivePort(self)} are). Set SITE_URL to the address you use, e.g. SITE_URL=${opened}`;
}

/** True when the request may change state: it comes from this site's own pages (see crossSiteReason). */
export function isSameOrigin(request: Request): boolean {
  return crossSiteReason(request) === null;
}

const NOT_OURS = "Refused: this request did not come from this site's own pages.";

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const { origin } = new URL(url);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

function effectivePort(url: URL): number {
  return Number(url.port) || (url.protocol === "https:" ? 443 : 80);
}

/** Whether `host` (a URL's hostname: lower case, IPv6 in brackets) names this machine. */
export function isThisMachine(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (bare === "localhost" || bare.endsWith(".localhost")) return true;
  if (isIP(bare)) {
    if (isLoopback(bare)) return true;
    return Object.values(networkInterfaces()).some((list) => list?.some((a) => a.address.toLowerCase() === bare));
  }
  return bare === hostname().toLowerCase();
}

function isLoopback(ip: string): boolean {
  // An IPv4-mapped loopback comes out of the URL parser as ::ffff:7fxx:xxxx.
  return ip === "::1" || /^(::ffff:)?127\./.test(ip) || /^::ffff:7f[0-9a-f]{2}:/.test(ip);
}
