import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { StoryPreview } from "@/components/site/story-preview";
import { isAppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/request";
import { openShareLink } from "@/lib/stories/share-links";
import { listSections } from "@/lib/stories/queries";
import { formatDateTime } from "@/lib/site";
import { renderPage } from "./document";
import { makeAnswer, send } from "./respond";
import type { TSiteAssets } from "./assets";

/**
 * /share/<token>: a story's preview for someone outside the newsroom
 * (lib/stories/share-links.ts). Rendered for each opening and never kept:
 * private, no-store; noindex and nofollow (header and meta); no Referer sent
 * on from it, so the token never leaks to a site the story links to.
 */
const SHARE_HEADERS = { "X-Robots-Tag": "noindex, nofollow, noarchive", "Referrer-Policy": "no-referrer" };

export function shareToken(url: string | undefined): string | null {
  const m = /^\/share\/([^/?#]+)$/.exec((url ?? "").split("?")[0]!);
  return m ? m[1]! : null;
}

export async function serveShare(token: string, req: IncomingMessage, res: ServerResponse, assets: TSiteAssets): Promise<void> {
  const sections = await listSections().catch(() => []);
  // A preview, not the live site: no breaking-news banner.
  const chrome = { stylesheet: assets.stylesheet.path, sections, banner: null };
  try {
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    const { link, story } = await openShareLink(
      token,
      { address: clientAddress(headers), userAgent: req.headers["user-agent"] ?? null },
      { record: req.method !== "HEAD" },
    );
    const html = renderPage(
      { title: `Preview: ${story.headline}`, robots: "noindex, nofollow" },
      chrome,
      <>
        <p role="note" className="mx-auto mb-8 max-w-[42rem] rounded border border-accent/40 bg-accent/10 px-4 py-2 text-sm">
          A preview shared by the newsroom for {link.label}, not published. The link works until {formatDateTime(link.expiresAt)}; please do not pass it on.
        </p>
        <StoryPreview story={story} />
      </>,
    );
    send(req, res, makeAnswer(200, html, { cacheable: false, headers: SHARE_HEADERS }), "PRIVATE");
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") {
      const html = renderPage(
        { title: "Link expired", robots: "noindex, nofollow" },
        chrome,
        <div className="mx-auto max-w-xl py-16 text-center">
          <h1 className="font-serif text-3xl font-bold">This link no longer works</h1>
          <p className="mt-4">{err.message}</p>
        </div>,
      );
      send(req, res, makeAnswer(404, html, { cacheable: false, headers: SHARE_HEADERS }), "PRIVATE");
      return;
    }
    console.error("[share]", err);
    send(
      req,
      res,
      makeAnswer(500, "<!DOCTYPE html><title>Something went wrong</title><p>Something went wrong on our side. Please try again.</p>", {
        cacheable: false,
        headers: SHARE_HEADERS,
      }),
      "ERROR",
    );
  }
}
