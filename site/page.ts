import type { TPageHead } from "./head";

/**
 * What a reader page's function answers: a page (its head, its content, the labels
 * of everything it shows, so a change to any of it renders it again), a permanent
 * redirect (an old slug), or "not found" (labelled too: a slug that is not a story
 * yet becomes one when it is published).
 */
export type TPageResult =
  | {
      kind: "page";
      head: TPageHead;
      content: React.ReactNode;
      labels: string[];
      cacheable?: boolean;
      /** A live story's page: it loads our live-updates script (and its CSP allows our own scripts). */
      liveUpdates?: boolean;
    }
  /** 301 unless said: an old address. A live entry's permalink is a 302 (the page it is on changes). */
  | { kind: "redirect"; location: string; labels: string[]; status?: 301 | 302 }
  | { kind: "notFound"; labels: string[] };
