import { randomBytes } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import Parser from "rss-parser";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_WEATHER_PORT, EDITOR_STATE } from "./accounts";
import { cacheState, credit, startStory } from "./helpers";

const tag = () => randomBytes(3).toString("hex");

/** Where a published story must show up for readers, each checked the way a reader or crawler sees it. */
async function visibility(
  request: APIRequestContext,
  { slug, headline, sectionSlug, personSlug, tagSlug }: { slug: string; headline: string; sectionSlug: string; personSlug: string; tagSlug: string },
) {
  const text = async (path: string) => (await request.get(path)).text();
  const feedTitles = async (path: string) => (await new Parser().parseString(await text(path))).items.map((i) => i.title);
  const sitemapUrls = async (path: string) => {
    const urls = new XMLParser().parse(await text(path)).urlset.url ?? [];
    return (Array.isArray(urls) ? urls : [urls]).map((u: { loc: string }) => u.loc);
  };
  return {
    story: (await request.get(`/stories/${slug}`)).status() === 200,
    front: (await text("/")).includes(headline),
    section: (await text(`/sections/${sectionSlug}`)).includes(headline),
    tag: (await text(`/tags/${tagSlug}`)).includes(headline),
    tagFeed: (await request.get(`/tags/${tagSlug}/feed.xml`)).ok() && (await feedTitles(`/tags/${tagSlug}/feed.xml`)).includes(headline),
    author: (await request.get(`/people/${personSlug}`)).status() === 200 && (await text(`/people/${personSlug}`)).includes(headline),
    feed: (await feedTitles("/feed.xml")).includes(headline),
    sectionFeed: (await feedTitles(`/sections/${sectionSlug}/feed.xml`)).includes(headline),
    authorFeed: (await feedTitles(`/people/${personSlug}/feed.xml`)).includes(headline),
    sitemap: (await sitemapUrls("/sitemaps/stories.xml")).some((u) => u.endsWith(`/stories/${slug}`)),
    newsSitemap: (await sitemapUrls("/sitemaps/news.xml")).some((u) => u.endsWith(`/stories/${slug}`)),
    search: (await text(`/search?q=${encodeURIComponent(headline)}`)).includes(`href="/stories/${slug}"`),
  };
}

/** A story readers cannot find anywhere: page, lists, feeds, sitemaps, search. */
const NOWHERE = {
  story: false,
  front: false,
  section: false,
  tag: false,
  tagFeed: false,
  author: false,
  feed: false,
  sectionFeed: false,
  authorFeed: false,
  sitemap: false,
  newsSitemap: false,
  search: false,
};

test.describe("the reader site", () => {
  test.use({ storageState: EDITOR_STATE });

  test("publishing puts a story on the front page, its section, its author's page, the feeds, the sitemaps and search; unpublishing takes it off all of them", async ({
    page,
    playwright,
  }) => {
    const headline = `Ferry service resumes ${tag()}`;
    const author = `Ana Costa ${tag()}`;
    await startStory(page, headline, "The ferry ran again on Monday.");
    await page.locator("#story-section").selectOption({ label: "Business" });
    const tagName = `Ferries ${tag()}`;
    await page.getByLabel("Tags (separated by commas)").fill(`${tagName}, Harbors`);
    await credit(page, author, "Byline");
    await expect(page.getByRole("status").first()).toHaveAttribute("data-state", "saved");
    const slug = await page.getByLabel("URL slug").inputValue();
    const reader = await playwright.request.newContext({ baseURL: String(test.info().project.use.baseURL) });
    // Readers have seen every page before: each is cached without the story (the story's URL as a 404).
    const where = {
      slug,
      headline,
      sectionSlug: "business",
      personSlug: author.toLowerCase().replace(/\s+/g, "-"),
      tagSlug: tagName.toLowerCase().replace(/\s+/g, "-"),
    };
    expect(await visibility(reader, where)).toEqual(NOWHERE);

    await page.getByRole("region", { name: "Workflow" }).getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("region", { name: "Workflow" })).toContainText("Published");
    // Publishing expired exactly those cached pages: the very next reader sees the story everywhere.
    // (Polled: a render of a list page already under way when the change landed is expired again within seconds, lib/cache/refresh.ts.)
    await expect
      .poll(() => visibility(reader, where), { timeout: 8_000 })
      .toEqual({
        story: true,
        front: true,
        section: true,
        tag: true,
        tagFeed: true,
        author: true,
        feed: true,
        sectionFeed: true,
        authorFeed: true,
        sitemap: true,
        newsSitemap: true,
        search: true,
      });
    const storyHtml = await reader.get(`/stories/${slug}`).then((r) => r.text());
    expect(storyHtml.includes(`href="/people/${where.personSlug}"`)).toBe(true);
    // Canonical and language alternates (hreflang), the same URL for the one language and as x-default.
    for (const link of [
      /<link rel="canonical" href="([^"]+)"/,
      /<link rel="alternate" hrefLang="en" href="([^"]+)"/,
      /<link rel="alternate" hrefLang="x-default" href="([^"]+)"/,
    ]) {
      expect(storyHtml.match(link)?.[1], String(link)).toMatch(new RegExp(`/stories/${slug}$`));
    }
    expect(storyHtml).toContain('"keywords":["' + tagName + '","Harbors"]');

    // Served from the cache the second time, with headers a CDN can use, and no cookie for anyone.
    // (The other worker's tests publish too: a change of theirs between the two reads expires the front page, so read again until two reads meet.)
    for (const path of ["/", `/stories/${slug}`, "/sections/business", `/people/${where.personSlug}`]) {
      let again = await reader.get(path);
      await expect
        .poll(
          async () => {
            await reader.get(path);
            again = await reader.get(path);
            return cacheState(again);
          },
          { message: path, timeout: 20_000 },
        )
        .toBe("HIT");
      expect(again.headers()["cache-control"], path).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
      expect(again.headers()["set-cookie"], path).toBeUndefined();
    }
    const robots = await (await reader.get("/robots.txt")).text();
    expect(robots).toMatch(/Disallow: \/newsroom/);
    expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);

    await page.getByRole("region", { name: "Workflow" }).getByRole("button", { name: "Unpublish", exact: true }).click();
    await expect(page.getByRole("region", { name: "Workflow" })).toContainText("Unpublished");
    await expect.poll(() => visibility(reader, where), { timeout: 8_000 }).toEqual(NOWHERE);
    await reader.dispose();
  });
});

test("the weather box shows the provider's forecast, and keeps the last one when the provider is down", async ({ page, request }) => {
  const fake = (mode: string) => request.post(`http://127.0.0.1:${E2E_WEATHER_PORT}/__fake/mode`, { data: mode });
  await fake("ok");
  await fake("base=17");
  const box = page.getByRole("region", { name: "Weather in Beijing" });
  await expect
    .poll(
      async () => {
        await page.goto("/");
        return (await box.count()) ? box.innerText() : "";
      },
      { timeout: 30_000 },
    )
    .toMatch(/Today\s+Clear\s+17°/);

  // The provider goes down: the page still renders, with the last stored forecast and its time.
  await fake("down");
  await page.waitForTimeout(3_000); // a refresh that was already under way lands first
  await page.goto("/");
  const stamp = await box.locator("time").getAttribute("datetime");
  await page.waitForTimeout(5_000); // two or more failed refreshes
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(box).toContainText("17°");
  await expect(box.locator("time")).toHaveAttribute("datetime", stamp!);
  await expect(page.getByRole("heading", { level: 1, name: "Front page" })).toBeAttached();
  await fake("ok");
});

test.describe("the front page", () => {
  test.use({ storageState: EDITOR_STATE });

  test("an editor pins a story as the lead; readers see it first; unpinning lets the newest lead again", async ({ page, playwright }) => {
    const headline = `Pinned lead ${tag()}`;
    await startStory(page, headline, "The most important story of the day.");
    await credit(page, `Lead Writer ${tag()}`, "Byline");
    await page.getByRole("region", { name: "Workflow" }).getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("region", { name: "Workflow" })).toContainText("Published");
    // A newer story published after it would normally lead.
    const newer = `Newer story ${tag()}`;
    await startStory(page, newer, "Published later.");
    await credit(page, `Other Writer ${tag()}`, "Byline");
    await page.getByRole("region", { name: "Workflow" }).getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("region", { name: "Workflow" })).toContainText("Published");

    await page.goto("/newsroom/front");
    await page.getByLabel("Published story").selectOption({ label: headline });
    await page.getByRole("button", { name: "Pin to the front page" }).click();
    await expect(page.getByRole("list", { name: "Pinned stories" })).toContainText(headline);
    const reader = await playwright.request.newContext({ baseURL: String(test.info().project.use.baseURL) });
    const lead = async () => (await (await reader.get("/")).text()).match(/id="lead-story"[^>]*><a [^>]*>([^<]+)</)?.[1];
    await expect.poll(lead, { timeout: 8_000 }).toBe(headline);

    const pinned = page.getByRole("list", { name: "Pinned stories" }).getByRole("listitem").filter({ hasText: headline });
    await pinned.getByRole("button", { name: "Unpin" }).click();
    await expect(page.getByRole("list", { name: "Pinned stories" })).not.toContainText(headline);
    await expect.poll(lead, { timeout: 8_000 }).not.toBe(headline);
    await reader.dispose();
  });
});
