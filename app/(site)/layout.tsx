import type { Metadata } from "next";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { labelPage } from "@/lib/cache/page-labels";
import { LABEL } from "@/lib/cache/labels";
import { absoluteUrl, SITE_NAME } from "@/lib/site";
import { listSections } from "@/lib/stories/queries";

export const metadata: Metadata = {
  alternates: { types: { "application/rss+xml": [{ url: absoluteUrl("/feed.xml"), title: SITE_NAME }] } },
};

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  await labelPage(LABEL.sections);
  const sections = await listSections();
  return (
    <>
      <SiteHeader sections={sections} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
