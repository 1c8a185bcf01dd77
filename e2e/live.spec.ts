import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_STATE, EDITOR_STATE } from "./accounts";
import { addByline, expectAccessible, SIGNED_OUT, startStory } from "./helpers";

/**
 * Issue 18 as people use it: the desk makes a story live; two reporters post at
 * once; a reader's open page shows both without a reload; the desk pins one,
 * marks a key event, corrects an entry and ends the coverage, and the open page
 * follows each step; axe on the live page; and the page reads whole with no
 * script at all.
 */
const tag = () => randomBytes(3).toString("hex");
const workflow = (page: Page) => page.getByRole("region", { name: "Workflow" });
const composer = (page: Page) => page.getByRole("region", { name: "New entry" });
const entryText = (page: Page) => composer(page).getByRole("textbox", { name: "Entry text" });
const deskEntry = (page: Page, text: string) => page.getByRole("listitem").filter({ has: page.getByRole("article").filter({ hasText: text }) });
const liveSection = (page: Page) => page.locator("#live");
const readerEntries = (page: Page) => page.locator("#live-entries > li");

async function typeEntry(page: Page, text: string, { headline, keyEvent = false }: { headline?: string; keyEvent?: boolean } = {}) {
  if (headline) await composer(page).getByLabel("Headline (optional)").fill(headline);
  if (keyEvent) await composer(page).getByRole("checkbox", { name: "Key event" }).check();
  await entryText(page).click();
  await page.keyboard.type(text);
}

test("live coverage: two reporters post at once, an open page follows without reload; pin, key event, correction, the end", async ({ browser }) => {
  test.setTimeout(120_000);
  const desk = await (await browser.newContext({ storageState: EDITOR_STATE })).newPage();
  const second = await (await browser.newContext({ storageState: ADMIN_STATE })).newPage();
  const readerContext = await browser.newContext(SIGNED_OUT);
  const reader = await readerContext.newPage();
  const errors: string[] = [];
  reader.on("console", (m) => m.type() === "error" && errors.push(m.text()));

  const headline = `Storm coverage ${tag()}`;
  await startStory(desk, headline, "The storm reached the coast this evening.");
  await addByline(desk);
  await workflow(desk).getByRole("button", { name: "Publish", exact: true }).click();
  await expect(workflow(desk)).toContainText("Published");
  const storyId = desk.url().split("/").pop()!;

  await desk.goto(`/newsroom/stories/${storyId}/live`);
  await desk.getByRole("button", { name: "Start live coverage" }).click();
  // The desk now shows the coverage as live, and offers to end it.
  await expect(desk.getByRole("button", { name: "End live coverage" })).toBeVisible();
  const readerPath = await desk.getByRole("link", { name: "Open the reader's page" }).getAttribute("href");
  await second.goto(`/newsroom/stories/${storyId}/live`);

  // The reader opens the page and keeps it open: a marker that a reload would lose.
  const opened = await reader.goto(readerPath!);
  // Our own script file, nothing inline, no other origin.
  const csp = opened!
    .headers()
    ["content-security-policy"]!.split(";")
    .map((d) => d.trim());
  expect(csp.filter((d) => d.startsWith("script-src"))).toEqual(["script-src 'self'"]);
  await expect(reader.getByRole("heading", { level: 1 })).toContainText("Live");
  await expect(liveSection(reader)).toContainText("No entries yet.");
  await reader.evaluate(() => ((window as unknown as { keptOpen: boolean }).keptOpen = true));

  // The LIVE mark on the byline's page (a list of the reporter's stories) and "LIVE:" in its feed.
  const person = (await reader.locator('a[rel="author"]').first().getAttribute("href"))!;
  const lists = await readerContext.newPage();
  await lists.goto(person);
  await expect(lists.getByRole("link", { name: headline })).toContainText("Live");
  expect(await (await lists.request.get(`${person}/feed.xml`)).text()).toContain(`<title>LIVE: ${headline}</title>`);

  const first = `Evacuation ordered for the coast ${tag()}`;
  const other = `Bridge closed to traffic ${tag()}`;
  await typeEntry(desk, first, { headline: "Evacuation", keyEvent: true });
  await typeEntry(second, other);
  await Promise.all([composer(desk).getByRole("button", { name: "Post entry" }).click(), composer(second).getByRole("button", { name: "Post entry" }).click()]);
  await expect(composer(desk).getByRole("status")).toHaveText("Posted: readers see it now.");
  await expect(composer(second).getByRole("status")).toHaveText("Posted: readers see it now.");
  // Both reach the open page, without a reload, and screen readers hear that they came.
  await expect(readerEntries(reader)).toHaveCount(2, { timeout: 10_000 });
  await expect(reader.locator("#live-entries")).toContainText(first);
  await expect(reader.locator("#live-entries")).toContainText(other);
  await expect(reader.locator("#live-announcer")).toHaveText(/new entr/);
  await expect(reader.getByRole("navigation", { name: "Key events" })).toContainText("Evacuation");
  expect(await reader.evaluate(() => (window as unknown as { keptOpen?: boolean }).keptOpen)).toBe(true);

  // Pin the second reporter's entry: the open page shows it above the newest.
  await desk.reload();
  await deskEntry(desk, other).getByRole("button", { name: "Pin", exact: true }).click();
  await expect(reader.locator("#live-pinned")).toContainText(other, { timeout: 10_000 });

  // A correction on an entry that changed meaning.
  await deskEntry(desk, first).getByRole("button", { name: "Edit" }).click();
  const editor = deskEntry(desk, first);
  await editor.getByRole("textbox", { name: "Entry text" }).click();
  await desk.keyboard.press("End");
  await desk.keyboard.type(" Only the southern half is affected.");
  await editor.getByLabel(/Correction note/).fill("An earlier version said the whole coast was being evacuated.");
  await editor.getByRole("button", { name: "Save entry" }).click();
  await expect(reader.locator("#live-entries")).toContainText("Correction: An earlier version said the whole coast was being evacuated.", { timeout: 10_000 });
  await expect(reader.locator("#live-entries")).toContainText("Only the southern half is affected.");
  await desk.reload();
  await expect(deskEntry(desk, first).getByText("Earlier versions (1)")).toBeVisible();

  // The live page passes axe, and carried no error (its script is ours, allowed by the page's policy).
  await expectAccessible(reader);
  expect(errors).toEqual([]);
  const scripts = await reader.locator("script[src]").evaluateAll((els) => els.map((e) => e.getAttribute("src")));
  expect(scripts).toEqual([expect.stringMatching(/^\/assets\/live-[0-9a-f]{16}\.js$/)]);

  // With no script at all the page reads whole.
  const noScript = await (await browser.newContext({ ...SIGNED_OUT, javaScriptEnabled: false })).newPage();
  await noScript.goto(readerPath!);
  await expect(noScript.locator("#live-entries > li")).toHaveCount(2);
  await expect(noScript.locator("#live-pinned")).toContainText(other);
  // Each entry's time is its permalink, which finds the page and anchor the entry is on.
  const permalink = await noScript.locator("#live-entries > li").first().getByRole("link").first().getAttribute("href");
  expect(permalink).toMatch(/^\/stories\/[^/]+\/entries\/[a-z0-9]+$/);
  await noScript.goto(permalink!);
  expect(noScript.url()).toMatch(new RegExp(`${readerPath}#entry-[a-z0-9]+$`));

  // The desk ends the coverage: the open page says so.
  await desk.getByRole("button", { name: "End live coverage" }).click();
  await expect(liveSection(reader)).toContainText("This live coverage has ended", { timeout: 10_000 });
  await expect(reader.getByRole("heading", { level: 1 })).not.toContainText("Live");
  expect(await reader.evaluate(() => (window as unknown as { keptOpen?: boolean }).keptOpen)).toBe(true);
  // Off the lists too once it ended.
  await expect
    .poll(async () => {
      await lists.goto(person);
      return lists.getByRole("link", { name: headline }).textContent();
    })
    .toBe(headline);
  // LiveBlogPosting with its end.
  await reader.reload();
  const ld = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ "@type": "LiveBlogPosting", coverageStartTime: expect.any(String), coverageEndTime: expect.any(String) });
  expect(ld.liveBlogUpdate).toHaveLength(2);
  // An ended page loads no script.
  expect(await reader.locator("script[src]").count()).toBe(0);
});
