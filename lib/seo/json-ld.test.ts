import { describe, expect, it } from "vitest";
import { liveBlogPostingJsonLd, newsArticleJsonLd, serializeJsonLd } from "./json-ld";

describe("serializeJsonLd", () => {
  it("cannot be broken out of, and reads back the same", () => {
    const data = { headline: '</script><script>alert(1)</script> "><img src=x onerror=alert(1)> & \u2028' };
    const out = serializeJsonLd(data);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual(data);
  });
});

describe("newsArticleJsonLd", () => {
  const base = {
    url: "https://news.example/stories/border",
    headline: "Border village waits",
    description: "Talks resume.",
    datePublished: new Date("2026-11-30T08:00:00Z"),
    dateModified: new Date("2026-11-30T09:30:00Z"),
    authors: [{ name: "John Doe", url: "https://news.example/people/john-doe", jobTitle: "Bureau chief" }],
    publisher: { name: "The Newsroom", logoUrl: "https://news.example/logo.svg" },
  };

  it("describes a full story: people, place, section, tags, language, publisher", () => {
    const ld = newsArticleJsonLd({
      ...base,
      contributors: [{ name: "Jane Roe" }],
      dateline: "Beijing",
      section: "World",
      keywords: ["Diplomacy"],
      language: "en",
    });
    expect(ld).toMatchObject({
      "@type": "NewsArticle",
      headline: "Border village waits",
      datePublished: "2026-11-30T08:00:00.000Z",
      dateModified: "2026-11-30T09:30:00.000Z",
      author: [{ "@type": "Person", name: "John Doe", url: "https://news.example/people/john-doe", jobTitle: "Bureau chief" }],
      contributor: [{ "@type": "Person", name: "Jane Roe" }],
      locationCreated: { "@type": "Place", name: "Beijing" },
      articleSection: "World",
      keywords: ["Diplomacy"],
      inLanguage: "en",
      publisher: { "@type": "NewsMediaOrganization", name: "The Newsroom", logo: { "@type": "ImageObject", url: "https://news.example/logo.svg" } },
      mainEntityOfPage: { "@type": "WebPage", "@id": base.url },
    });
  });

  it("leaves out what a story does not have", () => {
    const ld = newsArticleJsonLd(base);
    for (const key of ["contributor", "locationCreated", "articleSection", "keywords", "inLanguage", "image"]) expect(ld).not.toHaveProperty(key);
  });

  it("names each person once per property: a contributor who is also the photographer is one contributor", () => {
    const roe = { id: "p1", name: "Jane Roe", url: "https://news.example/people/jane-roe", affiliation: "The Washington Post" };
    const namesake = { id: "p2", name: "Jane Roe", url: "https://news.example/people/jane-roe-2" };
    const ld = newsArticleJsonLd({ ...base, authors: [base.authors[0]!, base.authors[0]!], contributors: [roe, namesake, roe] });
    expect(ld.author).toHaveLength(1);
    expect(ld.contributor).toEqual([
      { "@type": "Person", name: "Jane Roe", url: roe.url, affiliation: { "@type": "Organization", name: "The Washington Post" } },
      { "@type": "Person", name: "Jane Roe", url: namesake.url },
    ]);
    expect(JSON.stringify(ld)).not.toContain('"p1"'); // our ids are not printed
  });
});

describe("liveBlogPostingJsonLd", () => {
  const article = {
    url: "https://news.example/stories/election-night",
    headline: "Election night, live",
    description: "Results as they come in.",
    datePublished: new Date("2026-11-30T18:00:00Z"),
    dateModified: new Date("2026-11-30T21:05:00Z"),
    authors: [{ name: "John Doe" }],
    publisher: { name: "The Newsroom", logoUrl: "https://news.example/logo.svg" },
  };
  const update = {
    url: "https://news.example/stories/election-night#entry-abc",
    headline: "Polls close",
    text: "Polls closed at 8 p.m. </script>",
    datePublished: new Date("2026-11-30T20:00:00Z"),
  };

  it("is a LiveBlogPosting with the coverage's start, its updates newest first at their anchors, and no end while live", () => {
    const ld = liveBlogPostingJsonLd({
      ...article,
      coverageStartTime: new Date("2026-11-30T18:00:00Z"),
      updates: [
        { ...update, author: { name: "Jane Roe", url: "https://news.example/people/jane-roe" } },
        { ...update, url: `${article.url}#entry-older`, headline: "Turnout high" },
      ],
    });
    expect(ld["@type"]).toBe("LiveBlogPosting");
    expect(ld.coverageStartTime).toBe("2026-11-30T18:00:00.000Z");
    expect(ld).not.toHaveProperty("coverageEndTime");
    expect(ld.headline).toBe("Election night, live");
    expect(ld.liveBlogUpdate).toHaveLength(2);
    expect(ld.liveBlogUpdate[0]).toEqual({
      "@type": "BlogPosting",
      headline: "Polls close",
      articleBody: "Polls closed at 8 p.m. </script>",
      datePublished: "2026-11-30T20:00:00.000Z",
      author: { "@type": "Person", name: "Jane Roe", url: "https://news.example/people/jane-roe" },
      url: "https://news.example/stories/election-night#entry-abc",
      mainEntityOfPage: "https://news.example/stories/election-night#entry-abc",
    });
    // What goes into the page cannot close its script element.
    expect(serializeJsonLd(ld)).not.toContain("</script>");
  });

  it("says when the coverage ended, and an update's change only when it came after it was published", () => {
    const ld = liveBlogPostingJsonLd({
      ...article,
      coverageStartTime: new Date("2026-11-30T18:00:00Z"),
      coverageEndTime: new Date("2026-12-01T02:00:00Z"),
      updates: [
        { ...update, dateModified: new Date("2026-11-30T20:30:00Z") },
        { ...update, dateModified: new Date("2026-11-30T20:00:00Z") },
      ],
    });
    expect(ld.coverageEndTime).toBe("2026-12-01T02:00:00.000Z");
    expect(ld.liveBlogUpdate[0]).toMatchObject({ dateModified: "2026-11-30T20:30:00.000Z" });
    expect(ld.liveBlogUpdate[1]).not.toHaveProperty("dateModified");
  });
});
