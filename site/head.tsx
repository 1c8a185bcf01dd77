import { Fragment } from "react";
import { JsonLd } from "@/components/site/json-ld";
import { absoluteUrl, SITE_LANGUAGE, SITE_NAME } from "@/lib/site";

/** What a reader page says about itself: the <head> of its document. */
export type TPageHead = {
  /** Without the site's name (added after a "·"); null: the site's name alone (the front page). */
  title: string | null;
  description?: string;
  /** The page's own address, its canonical URL (and its hreflang alternates). */
  path?: string;
  /** The page's own feed, besides the site's. */
  feed?: { path: string; title: string };
  /** Search results and the like: followed, not indexed. */
  noindex?: boolean;
  /** A robots rule of its own instead ("noindex, nofollow" for share links). */
  robots?: string;
  openGraph?: {
    type: "article" | "website";
    publishedTime?: string;
    modifiedTime?: string;
    section?: string;
    images?: { url: string; width: number; height: number; alt: string | null }[];
  };
  jsonLd?: unknown;
};

export const DEFAULT_DESCRIPTION = "News, reported and edited by our newsroom.";

/** The document head: title, description, canonical and hreflang, feeds, Open Graph and Twitter cards, JSON-LD. */
export function PageHead({ head, stylesheet, script }: { head: TPageHead; stylesheet: string; script?: string | null }) {
  const title = head.title ? `${head.title} · ${SITE_NAME}` : SITE_NAME;
  const description = head.description || DEFAULT_DESCRIPTION;
  const url = head.path ? absoluteUrl(head.path) : null;
  const og = head.openGraph;
  const images = og?.images ?? [];
  return (
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <meta name="description" content={description} />
      {(head.robots || head.noindex) && <meta name="robots" content={head.robots ?? "noindex, follow"} />}
      <link rel="stylesheet" href={stylesheet} />
      {/* Only live pages have one: our own file, deferred (the page reads whole without it). */}
      {script && <script src={script} defer />}
      <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      {url && <link rel="canonical" href={url} />}
      {url && <link rel="alternate" hrefLang={SITE_LANGUAGE} href={url} />}
      {url && <link rel="alternate" hrefLang="x-default" href={url} />}
      <link rel="alternate" type="application/rss+xml" title={SITE_NAME} href={absoluteUrl("/feed.xml")} />
      {head.feed && <link rel="alternate" type="application/rss+xml" title={head.feed.title} href={absoluteUrl(head.feed.path)} />}
      {og && (
        <>
          <meta property="og:type" content={og.type} />
          <meta property="og:site_name" content={SITE_NAME} />
          <meta property="og:title" content={head.title ?? SITE_NAME} />
          <meta property="og:description" content={description} />
          {url && <meta property="og:url" content={url} />}
          {og.publishedTime && <meta property="article:published_time" content={og.publishedTime} />}
          {og.modifiedTime && <meta property="article:modified_time" content={og.modifiedTime} />}
          {og.section && <meta property="article:section" content={og.section} />}
          {images.map((image) => (
            <Fragment key={image.url}>
              <meta property="og:image" content={image.url} />
              <meta property="og:image:width" content={String(image.width)} />
              <meta property="og:image:height" content={String(image.height)} />
              {image.alt && <meta property="og:image:alt" content={image.alt} />}
            </Fragment>
          ))}
          <meta name="twitter:card" content={images.length ? "summary_large_image" : "summary"} />
          <meta name="twitter:title" content={head.title ?? SITE_NAME} />
          <meta name="twitter:description" content={description} />
          {images[0] && <meta name="twitter:image" content={images[0].url} />}
        </>
      )}
      {head.jsonLd !== undefined && <JsonLd data={head.jsonLd} />}
    </head>
  );
}
