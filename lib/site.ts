/** Facts about this publication, from the environment where they vary by installation. */
export const SITE_NAME = process.env.NEWSROOM_SITE_NAME || "The Newsroom";

/** The public origin, for canonical URLs and structured data (SITE_URL, e.g. https://news.example). */
export function siteUrl(): string {
  const fromEnv = process.env.SITE_URL?.replace(/\/+$/, "");
  return fromEnv || `http://localhost:${process.env.PORT || 3000}`;
}

export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl() + "/").toString();
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
