import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { LABEL } from "@/lib/cache/labels";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/errors";
import { LIVE_SITE_CSP, PUBLIC_CSP } from "@/lib/http/security-headers.cjs";
import { unavailableHtml } from "@/lib/http/unavailable-page";
import { listSections } from "@/lib/stories/queries";
import { cachedAnswer, type TAnswer } from "./cache";
import { renderPage, type TChrome } from "./document";
import { getBanner } from "@/lib/banner/banner";
import type { TPageResult } from "./page";
import { NOT_FOUND_HEAD, NotFoundPage } from "./pages/not-found";
import { correctionsPage } from "./pages/corrections";
import { frontPage } from "./pages/front";
import { sectionPage, tagPage } from "./pages/lists";
import { personPage } from "./pages/person";
import { searchPage } from "./pages/search";
import { storyEntryPage, storyPage } from "./pages/story";
import { makeAnswer, send } from "./respond";
import { readerPath, type TReaderPath } from "./routes";
import type { TSiteAssets } from "./assets";

/** A reader route: the path it is kept under, and its page function. */
type TRoute = { path: string; page: () => Promise<TPageResult>; what: string };

const LISTS = { sections: sectionPage, tags: tagPage, people: personPage };

function pageFor(at: TReaderPath): () => Promise<TPageResult> {
  switch (at.page) {
    case "front":
      return frontPage;
    case "story":
      return () => storyPage(at.slug, at.n);
    case "storyEntry":
      return () => storyEntryPage(at.slug, at.entryId);
    case "sections":
    case "tags":
    case "people":
      return () => LISTS[at.page](at.slug, at.n);
    case "corrections":
      return () => correctionsPage(at.n);
    case "search":
      return () => searchPage(at.q, at.n);
    case "notFound":
      return async () => ({ kind: "notFound", labels: [] });
  }
}

/** The reader route for a request (site/routes.ts), or null when Next answers it. Kept by path; search by path and query. */
export function readerRoute(req: IncomingMessage): TRoute | null {
  const url = new URL(req.url ?? "/", "http://reader.invalid");
  const at = readerPath(req.method, url.pathname, url.searchParams);
  if (!at) return null;
  const search = at.page === "search";
  return { path: search ? url.pathname + url.search : url.pathname, page: pageFor(at), what: search ? "Search" : "This page" };
}

/** Labels every page carries: the masthead lists the sections; the breaking-news banner is on every page. */
const CHROME_LABELS = [LABEL.sections, LABEL.banner];

/** Turn a page function's result into the answer to keep and send. */
async function answerFor(route: TRoute, assets: TSiteAssets): Promise<{ answer: TAnswer; labels: string[] }> {
  const [result, sections, banner] = await Promise.all([route.page(), listSections(), getBanner()]);
  const live = result.kind === "page" && result.liveUpdates === true;
  const chrome: TChrome = { stylesheet: assets.stylesheet.path, script: live ? assets.liveScript.path : null, sections, banner };
  const labels = [...CHROME_LABELS, ...result.labels];
  switch (result.kind) {
    case "redirect":
      return { answer: makeAnswer(result.status ?? 301, "", { headers: { Location: result.location } }), labels };
    case "notFound":
      return { answer: makeAnswer(404, renderPage(NOT_FOUND_HEAD, chrome, <NotFoundPage />)), labels };
    case "page":
      return {
        answer: makeAnswer(200, renderPage(result.head, chrome, result.content), {
          cacheable: result.cacheable ?? true,
          headers: live ? { "Content-Security-Policy": LIVE_SITE_CSP } : {},
        }),
        labels,
      };
  }
}

/** Answer a reader request: from the page cache, rendered, or (database down, nothing kept) a 503 page. */
export async function serveReader(route: TRoute, req: IncomingMessage, res: ServerResponse, assets: TSiteAssets): Promise<void> {
  try {
    const { answer, state } = await cachedAnswer(route.path, () => answerFor(route, assets));
    send(req, res, answer, state);
  } catch (err) {
    if (isDatabaseUnavailable(err)) {
      send(
        req,
        res,
        makeAnswer(503, unavailableHtml(route.what), {
          cacheable: false,
          headers: { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS), "Content-Security-Policy": PUBLIC_CSP },
        }),
        "UNAVAILABLE",
      );
      return;
    }
    console.error(`[site] ${route.path}:`, err);
    send(
      req,
      res,
      makeAnswer(500, "<!DOCTYPE html><title>Something went wrong</title><p>Something went wrong on our side. Please try again.</p>", { cacheable: false }),
      "ERROR",
    );
  }
}
