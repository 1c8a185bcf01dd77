import { config } from "@/lib/config/config";
import { formatInZone } from "./time";

/** Facts about this publication, from the environment where they vary by installation (lib/config/variables.ts). */
export const SITE_NAME = config("NEWSROOM_SITE_NAME");

/** The public origin, for canonical URLs and structured data (SITE_URL, e.g. https://news.example). */
export function siteUrl(): string {
  const fromEnv = config("SITE_URL")?.replace(/\/+$/, "");
  return fromEnv || `http://localhost:${config("PORT")}`;
}

/**
 * SITE_URL's origin when it is set: then that is the one address the newsroom's
 * pages may be used from. Null when unset: then the machine's own addresses on
 * the port it listens on all are (lib/http/same-origin.ts).
 */
export function configuredSiteOrigin(): string | null {
  const fromEnv = config("SITE_URL");
  return fromEnv ? new URL(fromEnv).origin : null;
}

export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl() + "/").toString();
}

/** The language the site publishes in (BCP 47, NEWSROOM_LANGUAGE, default "en"): `<html lang>`, hreflang, feeds. */
export const SITE_LANGUAGE = config("NEWSROOM_LANGUAGE");

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
export const TIME_ZONE = config("NEWSROOM_TIME_ZONE");

/** "December 1, 2026 at 10:00 AM GMT+8" in the newsroom's zone. */
export function formatDateTime(date: Date): string {
  return formatInZone(date, TIME_ZONE);
}
