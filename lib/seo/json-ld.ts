/**
 * JSON for a <script type="application/ld+json"> element. JSON.stringify alone
 * is not enough inside HTML: "</script>" in a headline would end the element.
 * Every <, > and & (and the JavaScript line separators) becomes a \u escape,
 * which JSON parsers read back as the same character.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export type TJsonLdPerson = { name: string; url?: string; jobTitle?: string | null; affiliation?: string | null };

const person = (p: TJsonLdPerson) => ({
  "@type": "Person",
  name: p.name,
  ...(p.url ? { url: p.url } : {}),
  ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}),
  ...(p.affiliation ? { affiliation: { "@type": "Organization", name: p.affiliation } } : {}),
});

export type TJsonLdImage = { url: string; width: number; height: number; caption?: string | null; creditText?: string | null; copyrightNotice?: string | null };

const imageObject = (i: TJsonLdImage) => ({
  "@type": "ImageObject",
  url: i.url,
  contentUrl: i.url,
  width: i.width,
  height: i.height,
  ...(i.caption ? { caption: i.caption } : {}),
  ...(i.creditText ? { creditText: i.creditText } : {}),
  ...(i.copyrightNotice ? { copyrightNotice: i.copyrightNotice } : {}),
});

type TArticle = {
  url: string;
  headline: string;
  description: string;
  datePublished: Date;
  dateModified: Date;
  authors: TJsonLdPerson[];
  contributors?: TJsonLdPerson[];
  dateline?: string | null;
  section?: string | null;
  /** The story's tags, as `keywords`. */
  keywords?: string[];
  /** BCP 47, e.g. "en". */
  language?: string;
  /** The lead photo in several crops (16:9, 4:3, 1:1), as search engines prefer. */
  images?: TJsonLdImage[];
  publisher: { name: string; logoUrl: string };
};

/** schema.org NewsArticle for a story page. */
export function newsArticleJsonLd(a: TArticle) {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.headline,
    description: a.description,
    datePublished: a.datePublished.toISOString(),
    dateModified: a.dateModified.toISOString(),
    author: a.authors.map(person),
    ...(a.contributors?.length ? { contributor: a.contributors.map(person) } : {}),
    ...(a.dateline ? { locationCreated: { "@type": "Place", name: a.dateline } } : {}),
    ...(a.section ? { articleSection: a.section } : {}),
    ...(a.keywords?.length ? { keywords: a.keywords } : {}),
    ...(a.language ? { inLanguage: a.language } : {}),
    ...(a.images?.length ? { image: a.images.map(imageObject) } : {}),
    publisher: { "@type": "NewsMediaOrganization", name: a.publisher.name, logo: { "@type": "ImageObject", url: a.publisher.logoUrl } },
    mainEntityOfPage: { "@type": "WebPage", "@id": a.url },
    url: a.url,
  };
}
