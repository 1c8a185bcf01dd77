import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { utcToWallTime } from "../lib/time";
import { CONTRIBUTOR_STATE, E2E_TIME_ZONE, EDITOR_STATE, ADMIN_STATE } from "./accounts";
import { addByline, expectSaved, SIGNED_OUT, startStory, storyBody } from "./helpers";

const tag = () => randomBytes(3).toString("hex");
const body = storyBody;
const workflow = (page: Page) => page.getByRole("region", { name: "Workflow" });
const write = startStory;

test("a contributor submits; the desk returns it with a note; it comes back fixed; the desk schedules it a minute ahead and it goes live on time", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const headline = `Harbor vote delayed ${tag()}`;
  const reporter = await (await browser.newContext({ storageState: CONTRIBUTOR_STATE })).newPage();
  await write(reporter, headline, "The council delayed the harbor vote.");
  await workflow(reporter).getByRole("button", { name: "Submit to the desk" }).click();
  await expect(workflow(reporter)).toContainText("In review");
  await expect(reporter.getByLabel("Headline", { exact: true })).toBeDisabled();
  const storyUrl = reporter.url();

  const desk = await (await browser.newContext({ storageState: EDITOR_STATE })).newPage();
  await desk.goto("/newsroom");
  await desk.getByRole("region", { name: "In review" }).getByRole("link", { name: headline }).click();
  await workflow(desk).getByRole("button", { name: "Return to the author…" }).click();
  await workflow(desk).getByLabel("Note for the author (what needs changing)").fill("Say who proposed the delay.");
  await workflow(desk).getByRole("button", { name: "Return with this note" }).click();
  await expect(workflow(desk)).toContainText("Draft");

  await reporter.reload();
  await expect(workflow(reporter)).toContainText("Note from the desk: Say who proposed the delay.");
  await body(reporter).click();
  await reporter.keyboard.press("End");
  await reporter.keyboard.type(" The mayor proposed it.");
  await expectSaved(reporter);
  await workflow(reporter).getByRole("button", { name: "Submit to the desk" }).click();
  await expect(workflow(reporter)).toContainText("In review");

  await desk.reload();
  await expect(body(desk)).toContainText("The mayor proposed it.");
  await addByline(desk);
  const slug = await desk.getByLabel("URL slug").inputValue();
  // A minute ahead, written in the newsroom's time zone (not this machine's).
  const at = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
  await workflow(desk).getByLabel("Schedule publishing for").fill(utcToWallTime(at, E2E_TIME_ZONE));
  await workflow(desk).getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(workflow(desk)).toContainText("Scheduled · publishes");
  await desk.goto("/newsroom");
  await expect(desk.getByRole("region", { name: "Scheduled" })).toContainText(headline);

  const reader = await (await browser.newContext(SIGNED_OUT)).newPage();
  expect((await reader.request.get(`/stories/${slug}`)).status()).toBe(404);
  await expect.poll(async () => (await reader.request.get(`/stories/${slug}`)).status(), { timeout: 150_000, intervals: [2_000] }).toBe(200);
  // On time: not before its minute, and within 30 s after.
  const liveAt = Date.now();
  expect(liveAt).toBeGreaterThanOrEqual(at.getTime());
  expect(liveAt - at.getTime()).toBeLessThan(30_000);
  await reader.goto(`/stories/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
  await reporter.goto(storyUrl);
  await expect(workflow(reporter)).toContainText("Published");
});

test.describe("the desk", () => {
  test.use({ storageState: EDITOR_STATE });

  test("appends a correction: it shows on the story and on /corrections; an edit keeps the old wording", async ({ page, browser }) => {
    const headline = `Bridge reopens ${tag()}`;
    await write(page, headline, "The bridge reopened on Tuesday.");
    await addByline(page);
    await workflow(page).getByRole("button", { name: "Publish", exact: true }).click();
    await expect(workflow(page)).toContainText("Published");
    const slug = await page.getByLabel("URL slug").inputValue();
    // Readers have its address now: a new headline typed right after publishing (no reload) leaves the slug alone.
    await page.getByLabel("Headline", { exact: true }).fill(`Bridge closes again ${tag()}`);
    await expect(page.getByLabel("URL slug")).toHaveValue(slug);
    await page.getByLabel("Headline", { exact: true }).fill(headline);
    await expectSaved(page);
    await page.reload();
    const notes = page.getByRole("region", { name: "Corrections and updates" });
    await notes
      .getByLabel("Note (readers see it with today's date)")
      .fill("An earlier version of this story gave the wrong day; the bridge reopened on Wednesday.");
    await notes.getByRole("button", { name: "Add note" }).click();
    await expect(notes.getByRole("status")).toContainText("Added");

    const reader = await (await browser.newContext(SIGNED_OUT)).newPage();
    await reader.goto(`/stories/${slug}`);
    await expect(reader.getByRole("complementary", { name: "Corrections" })).toContainText("Correction: An earlier version of this story gave the wrong day");
    const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!);
    expect(new Date(jsonLd.dateModified).getTime()).toBeGreaterThan(new Date(jsonLd.datePublished).getTime());
    await reader.goto("/corrections");
    const entry = reader.getByRole("listitem").filter({ hasText: headline });
    await expect(entry).toContainText("Correction: An earlier version of this story gave the wrong day");

    await page.reload();
    const note = page.getByRole("list", { name: "Notes on this story" }).getByRole("listitem").first();
    await note.getByLabel("Text").fill("An earlier version of this story gave the wrong day of the reopening.");
    await note.getByRole("button", { name: "Save changes to this note" }).click();
    await expect(note.getByRole("status")).toContainText("earlier wording is kept");
    await page.reload();
    await expect(page.getByRole("list", { name: "Notes on this story" })).toContainText("Earlier wording (1)");
  });

  test("compares two revisions word by word and restores the older one, destroying nothing", async ({ page }) => {
    await write(page, `Budget talks ${tag()}`, "Talks began on Monday.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expectSaved(page);
    await body(page).click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Talks collapsed on Friday.");
    await expectSaved(page);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expectSaved(page);

    const history = page.getByRole("region", { name: "History" });
    await history.getByRole("button", { name: "Show history" }).click();
    const revisions = history.getByRole("list", { name: "Revisions" }).getByRole("listitem");
    await expect(revisions.first()).toBeVisible();
    const count = await revisions.count();
    expect(count).toBeGreaterThanOrEqual(2);
    await revisions.nth(0).getByRole("checkbox").check();
    await revisions
      .nth(count - 1)
      .getByRole("checkbox")
      .check();
    await history.getByRole("button", { name: "Compare selected" }).click();
    const diff = history.getByRole("region", { name: /Changes from revision/ });
    await expect(diff.locator("del")).toContainText(["began"]);
    await expect(diff.locator("ins")).toContainText(["collapsed"]);

    const oldest = await revisions
      .nth(count - 1)
      .getByText(/^Revision \d+$/)
      .textContent();
    await revisions
      .nth(count - 1)
      .getByRole("button", { name: /^Restore revision/ })
      .click();
    await expect(body(page)).toHaveText("Talks began on Monday.");
    await history.getByRole("button", { name: "Show history" }).click();
    await expect(history.getByRole("list", { name: "Revisions" }).getByRole("listitem").first()).toContainText(`Restored ${oldest!.toLowerCase()}`);
    await expect(history.getByRole("list", { name: "Revisions" }).getByRole("listitem")).toHaveCount(count + 1);
  });
});

test("two editors open the same story and each sees the other", async ({ browser }) => {
  const first = await (await browser.newContext({ storageState: EDITOR_STATE })).newPage();
  await write(first, `Presence ${tag()}`, "Words.");
  const second = await (await browser.newContext({ storageState: ADMIN_STATE })).newPage();
  await second.goto(first.url());
  await expect(second.getByTestId("presence")).toContainText("Also open by E2E editor");
  await expect(first.getByTestId("presence")).toContainText("Also open by E2E admin");
  await second.close();
  await expect(first.getByTestId("presence")).toHaveCount(0, { timeout: 40_000 });
});
