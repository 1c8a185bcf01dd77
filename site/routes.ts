import { pageParam } from "@/components/ui/pager";

/** A reader address, understood: which page, with what. */
export type TReaderPath =
  | { page: "front" }
  /** n: a live story's page of older entries (1: the story itself). */
  | { page: "story"; slug: string; n: number }
  /** A live entry's permalink: answered with the page it is on now. */
  | { page: "storyEntry"; slug: string; entryId: string }
  | { page: "sections" | "tags" | "people"; slug: string; n: number }
  | { page: "corrections"; n: number }
  | { page: "search"; q: string; n: number }
  /** An address of the site that names nothing: a bad page number, a broken escape. */
  | { page: "notFound" };

const LISTS = new Set(["sections", "tags", "people"]);
/** What Next answers besides files: the newsroom, sign-in, the API, sitemaps, its own assets and dev tools, the old front page address. */
const NEXT_AREAS = ["/_next", "/__next", "/newsroom", "/login", "/api", "/sitemaps", "/editions"];

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** `<slug>` is page 1, `<slug>/page/<n>` page n (2 and up); null: not a list page. */
function listPage(rest: string[]): { slug: string; n: number } | null {
  const slug = rest[0] ? decode(rest[0]) : null;
  if (!slug) return null;
  if (rest.length === 1) return { slug, n: 1 };
  const n = rest.length === 3 && rest[1] === "page" ? pageParam(rest[2]!) : null;
  return n ? { slug, n } : null;
}

/**
 * Which addresses are the reader site's (GET and HEAD): the front page, stories,
 * sections, tags and people (with their later pages), corrections and search, and
 * the "not found" of any other address that is not Next's. Null for what Next
 * answers: the newsroom, sign-in, the API, feeds and sitemaps, Next's assets, files
 * (an address ending in a file name: public/, robots.txt, feed.xml, icon.svg), and
 * addresses with a trailing slash (Next redirects them to the address without).
 */
export function readerPath(method: string | undefined, pathname: string, search: URLSearchParams): TReaderPath | null {
  if (method !== "GET" && method !== "HEAD") return null;
  if (pathname === "/") return { page: "front" };
  const [first = "", ...rest] = pathname.split("/").slice(1);
  if (first === "search" && rest.length === 0) {
    const n = Math.min(500, Math.max(1, Number.parseInt(search.get("page") ?? "1", 10) || 1));
    return { page: "search", q: search.get("q") ?? "", n };
  }
  if (first === "corrections") {
    if (rest.length === 0) return { page: "corrections", n: 1 };
    const n = rest.length === 2 && rest[0] === "page" ? pageParam(rest[1]!) : null;
    return n ? { page: "corrections", n } : { page: "notFound" };
  }
  if (pathname.endsWith("/")) return null;
  if (first === "stories" && rest.length === 3 && rest[1] === "entries" && rest[0] && rest[2]) {
    const slug = decode(rest[0]);
    return slug && /^[a-z0-9]{1,64}$/i.test(rest[2]) ? { page: "storyEntry", slug, entryId: rest[2] } : { page: "notFound" };
  }
  if (first === "stories" && rest[0] && rest.at(-1) !== "feed.xml") {
    const at = listPage(rest);
    return at ? { page: "story", ...at } : { page: "notFound" };
  }
  // Feeds (`/sections/<slug>/feed.xml`) are Next's.
  if (LISTS.has(first) && rest.length >= 1 && rest.at(-1) !== "feed.xml") {
    const at = listPage(rest);
    return at ? { page: first as "sections" | "tags" | "people", ...at } : { page: "notFound" };
  }
  if (isNexts(pathname)) return null;
  return { page: "notFound" };
}

function isNexts(pathname: string): boolean {
  if (pathname.endsWith("/")) return true;
  if (/\.[A-Za-z0-9]+$/.test(pathname.slice(pathname.lastIndexOf("/") + 1))) return true;
  return NEXT_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}
