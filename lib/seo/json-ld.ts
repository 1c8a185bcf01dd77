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

/** `id` (our person's id, not printed) tells one person from another with the same name. */
export type TJsonLdPerson = { id?: string; name: string; url?: string; jobTitle?: string | null; affiliation?: string | null };

/**
 * Each person once: someone credited as contributor and photographer is one
 * contributor. Known by id, else by page URL, else by name; first mention wins.
 */
export function uniquePeople(people: readonly TJsonLdPerson[]): TJsonLdPerson[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.id ? `id:${p.id}` : p.url ? `url:${p.url}` : `name:${p.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

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
    author: uniquePeople(a.authors).map(person),
    ...(a.contributors?.length ? { contributor: uniquePeople(a.contributors).map(person) } : {}),
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

/** One entry of a live story, for `liveBlogUpdate`. */
export type TLiveUpdate = { url: string; headline: string; text: string; datePublished: Date; dateModified?: Date | null; author?: TJsonLdPerson | null };

/**
 * schema.org LiveBlogPosting for a live story's page: the story as NewsArticle
 * describes it, the coverage's start (and end, once it has ended), and the
 * entries on the page as BlogPosting updates, newest first, each at its anchor.
 */
export function liveBlogPostingJsonLd(a: TArticle & { coverageStartTime: Date; coverageEndTime?: Date | null; updates: TLiveUpdate[] }) {
  const { updates, coverageStartTime, coverageEndTime, ...article } = a;
  return {
    ...newsArticleJsonLd(article),
    "@type": "LiveBlogPosting",
    coverageStartTime: coverageStartTime.toISOString(),
    ...(coverageEndTime ? { coverageEndTime: coverageEndTime.toISOString() } : {}),
    liveBlogUpdate: updates.map((u) => ({
      "@type": "BlogPosting",
      headline: u.headline,
      articleBody: u.text,
      datePublished: u.datePublished.toISOString(),
      ...(u.dateModified && u.dateModified > u.datePublished ? { dateModified: u.dateModified.toISOString() } : {}),
      ...(u.author ? { author: person(u.author) } : {}),
      url: u.url,
      mainEntityOfPage: u.url,
    })),
  };
}
