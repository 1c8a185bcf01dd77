/** Facts about this publication, from the environment where they vary by installation. */
export const SITE_NAME = process.env.NEWSROOM_SITE_NAME || "The Newsroom";

/** The public origin, for canonical URLs and structured data (SITE_URL, e.g. https://news.example). */
export function siteUrl(): string {
  const fromEnv = process.env.SITE_URL?.replace(/\/+$/, "");
  return fromEnv || `http://localhost:${process.env.PORT || 3000}`;
}

/**
 * SITE_URL's origin when it is set: then that is the one address the newsroom's
 * pages may be used from. Null when unset: then the machine's own addresses on
 * the port it listens on all are (lib/http/same-origin.ts).
 */
export function configuredSiteOrigin(): string | null {
  const fromEnv = process.env.SITE_URL?.trim();
  if (!fromEnv) return null;
  try {
    return new URL(fromEnv).origin;
  } catch {
    return null;
  }
}

/** What a person is told when they use the newsroom from another address than SITE_URL's (the sign-in page shows it). */
export function wrongAddressMessage(siteOrigin: string, openedAt: string): string {
  return `This newsroom's address is ${siteOrigin} (SITE_URL), but this page was opened at ${openedAt}. Open ${siteOrigin}/login, or set SITE_URL to the address you use.`;
}

export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl() + "/").toString();
}

/** The language the site publishes in (BCP 47, NEWSROOM_LANGUAGE, default "en"): `<html lang>`, hreflang, feeds. */
export const SITE_LANGUAGE = process.env.NEWSROOM_LANGUAGE || "en";

/**
 * A public page's canonical URL and its language alternates (hreflang). One
 * language today, so the page names itself for it and as `x-default`; an
 * edition in another language adds its URL here and every page links both ways.
 */
export function pageAlternates(path: string, feed?: string) {
  const url = absoluteUrl(path);
  return {
    canonical: url,
    languages: { [SITE_LANGUAGE]: url, "x-default": url },
    ...(feed ? { types: { "application/rss+xml": absoluteUrl(feed) } } : {}),
  };
}

/** The newsroom's time zone for dates shown to people (stored times are UTC). */
export const TIME_ZONE = process.env.NEWSROOM_TIME_ZONE || "UTC";

export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: TIME_ZONE,
    timeZoneName: "short",
  }).format(date);
}
