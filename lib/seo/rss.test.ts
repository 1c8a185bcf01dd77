import Parser from "rss-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildRss } from "./rss";
import { newsSitemap, sitemapIndex, urlSet } from "./sitemap";
import { escapeXml } from "./xml";

describe("escapeXml", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(escapeXml(`<b>"Tom" & 'Jerry'</b>\u0000\u0008ok`)).toBe("&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;ok");
  });
});

describe("the RSS feed", () => {
  it("is read by a standard RSS parser with every byline, the category and the lead image", async () => {
    const xml = buildRss({
      title: "The Newsroom",
      link: "https://news.example/",
      selfUrl: "https://news.example/feed.xml",
      description: "Latest",
      items: [
        {
          title: `Talks <resume> & "stall"`,
          link: "https://news.example/stories/talks",
          description: "Negotiators met.",
          pubDate: new Date("2026-11-30T10:00:00Z"),
          creators: ["John Doe", "Min-ji Kim"],
          contributors: ["The Washington Post's Amber Ziye Wang"],
          categories: ["World"],
          image: {
            url: "https://news.example/api/media/m1/16x9-w1280-f50x50.jpg",
            type: "image/jpeg",
            width: 1280,
            height: 720,
            alt: "Soldiers",
            credit: "Jane Roe/Agency",
          },
        },
      ],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = await new Parser({
      customFields: {
        item: [
          ["dc:creator", "creators", { keepArray: true }],
          ["dc:contributor", "contributors", { keepArray: true }],
          ["media:content", "media"],
        ],
      },
    }).parseString(xml);
    expect(feed.title).toBe("The Newsroom");
    const [item] = feed.items as unknown as {
      title: string;
      link: string;
      categories: string[];
      isoDate: string;
      creators: string[];
      contributors: string[];
      media: { $: { url: string; width: string } };
    }[];
    expect(item).toMatchObject({
      title: `Talks <resume> & "stall"`,
      link: "https://news.example/stories/talks",
      categories: ["World"],
      isoDate: "2026-11-30T10:00:00.000Z",
      creators: ["John Doe", "Min-ji Kim"],
      contributors: ["The Washington Post's Amber Ziye Wang"],
    });
    expect(item!.media.$).toMatchObject({ url: "https://news.example/api/media/m1/16x9-w1280-f50x50.jpg", width: "1280" });
  });
});

describe("sitemaps", () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  it("are valid XML with the expected URLs", () => {
    const index = parser.parse(sitemapIndex(["https://news.example/sitemaps/stories.xml"]));
    expect(index.sitemapindex.sitemap.loc).toBe("https://news.example/sitemaps/stories.xml");
    const set = urlSet([
      { url: "https://news.example/stories/a?x=1&y=2", lastModified: new Date("2026-11-30T00:00:00Z") },
      { url: "https://news.example/stories/b" },
    ]);
    expect(XMLValidator.validate(set)).toBe(true);
    expect(parser.parse(set).urlset.url.map((u: { loc: string }) => u.loc)).toEqual([
      "https://news.example/stories/a?x=1&y=2",
      "https://news.example/stories/b",
    ]);
    const news = newsSitemap({ name: "The Newsroom", language: "en" }, [
      { url: "https://news.example/stories/a", title: "A & B", published: new Date("2026-11-30T00:00:00Z") },
    ]);
    expect(XMLValidator.validate(news)).toBe(true);
    expect(parser.parse(news).urlset.url["news:news"]["news:title"]).toBe("A & B");
  });
});
