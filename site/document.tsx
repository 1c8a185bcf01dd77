import { renderToStaticMarkup } from "react-dom/server";
import { SiteFooter } from "@/components/site/site-footer";
import { BreakingBanner } from "@/components/site/breaking-banner";
import { SiteHeader } from "@/components/site/site-header";
import type { TBanner } from "@/lib/banner/banner";
import { SITE_LANGUAGE } from "@/lib/site";
import { PageHead, type TPageHead } from "./head";

export type TChrome = {
  stylesheet: string;
  /** The script a page asks for (live pages: lib/live/updates.ts), by its address. */
  script?: string | null;
  sections: { name: string; slug: string }[];
  banner: Pick<TBanner, "text" | "url"> | null;
};

/** A whole reader page: head, the breaking-news banner when one is up, masthead with the sections, the page's content, footer. */
function Document({ head, chrome, children }: { head: TPageHead; chrome: TChrome; children: React.ReactNode }) {
  return (
    <html lang={SITE_LANGUAGE}>
      <PageHead head={head} stylesheet={chrome.stylesheet} script={chrome.script} />
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-ink focus:px-3 focus:py-2 focus:text-paper"
        >
          Skip to content
        </a>
        {chrome.banner && <BreakingBanner banner={chrome.banner} />}
        <SiteHeader sections={chrome.sections} />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}

/** The page as HTML, with React's static renderer: markup only, nothing for a script to pick up. */
export function renderPage(head: TPageHead, chrome: TChrome, content: React.ReactNode): string {
  return (
    "<!DOCTYPE html>" +
    renderToStaticMarkup(
      <Document head={head} chrome={chrome}>
        {content}
      </Document>,
    )
  );
}
