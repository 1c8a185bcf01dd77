import { describe, expect, it } from "vitest";
import { readerPath } from "./routes";

const at = (path: string, method = "GET") => {
  const url = new URL(path, "http://x.invalid");
  return readerPath(method, url.pathname, url.searchParams);
};

describe("which addresses are the reader site's", () => {
  it("answers its pages, later pages and search", () => {
    expect(at("/")).toEqual({ page: "front" });
    expect(at("/stories/border-village")).toEqual({ page: "story", slug: "border-village", n: 1 });
    expect(at("/stories/%E5%8C%97%E4%BA%AC")).toEqual({ page: "story", slug: "北京", n: 1 });
    expect(at("/sections/world")).toEqual({ page: "sections", slug: "world", n: 1 });
    expect(at("/tags/trade-talks/page/3")).toEqual({ page: "tags", slug: "trade-talks", n: 3 });
    expect(at("/people/jane-roe/page/2")).toEqual({ page: "people", slug: "jane-roe", n: 2 });
    expect(at("/corrections")).toEqual({ page: "corrections", n: 1 });
    expect(at("/corrections/page/4")).toEqual({ page: "corrections", n: 4 });
    expect(at("/search?q=harbor&page=2")).toEqual({ page: "search", q: "harbor", n: 2 });
    expect(at("/search?page=-5")).toEqual({ page: "search", q: "", n: 1 });
    expect(at("/stories/x", "HEAD")).toEqual({ page: "story", slug: "x", n: 1 });
    // A live story's older entries.
    expect(at("/stories/election-night/page/2")).toEqual({ page: "story", slug: "election-night", n: 2 });
    expect(at("/stories/election-night/entries/ck123")).toEqual({ page: "storyEntry", slug: "election-night", entryId: "ck123" });
  });

  it("answers 'not found' for its addresses that name nothing", () => {
    for (const path of [
      "/stories/%E0%A4%A",
      "/sections/world/page/1",
      "/stories/x/page/1",
      "/stories/x/y",
      "/stories/x/entries/not-an-id!",
      "/sections/world/page/x",
      "/tags/a/b",
      "/corrections/page/0",
      "/corrections/2",
      "/stories/a/b",
      "/storie/typo",
      "/about",
      "/newsroomx",
    ]) {
      expect(at(path), path).toEqual({ page: "notFound" });
    }
  });

  it("leaves to Next what is Next's: other methods, the newsroom, the API, feeds, files, trailing slashes", () => {
    for (const path of [
      "/newsroom",
      "/login",
      "/api/health",
      "/feed.xml",
      "/sections/world/feed.xml",
      "/people/a/feed.xml",
      "/_next/static/x.js",
      "/logo.svg",
      "/newsroom/stories/abc",
      "/sitemap.xml",
      "/sitemaps/stories-1.xml",
      "/robots.txt",
      "/icon.svg",
      "/editions/main",
      "/stories/",
      "/sections/world/",
    ]) {
      expect(at(path), path).toBeNull();
    }
    expect(at("/stories/x", "POST")).toBeNull();
  });
});
