import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { EDITOR_STATE } from "./accounts";
import { credit, expectAccessible, expectSaved, SIGNED_OUT, startStory } from "./helpers";

test("the reader pages pass axe-core (no serious or critical violations), in light and dark mode", async ({ browser }) => {
  // Eight pages, twice, each analysed by axe: minutes on a busy two-core runner.
  test.setTimeout(300_000);
  const desk = await (await browser.newContext({ storageState: EDITOR_STATE })).newPage();
  const headline = `Accessible story ${randomBytes(3).toString("hex")}`;
  await startStory(desk, headline, "A paragraph readers can read.");
  await desk.locator("#story-section").selectOption({ label: "Science" });
  await desk.getByLabel("Tags (separated by commas)").fill("Accessibility");
  const author = `Ada Lovelace ${randomBytes(3).toString("hex")}`;
  await credit(desk, author, "Byline");
  await expectSaved(desk);
  await desk.getByRole("region", { name: "Workflow" }).getByRole("button", { name: "Publish", exact: true }).click();
  await expect(desk.getByRole("region", { name: "Workflow" })).toContainText("Published");
  const slug = await desk.getByLabel("URL slug").inputValue();

  for (const colorScheme of ["light", "dark"] as const) {
    const reader = await (await browser.newContext({ ...SIGNED_OUT, colorScheme })).newPage();
    await reader.goto(`/stories/${slug}`);
    const authorPath = await reader.locator(".byline a").first().getAttribute("href");
    for (const path of [
      "/",
      `/stories/${slug}`,
      "/sections/science",
      "/tags/accessibility",
      authorPath!,
      `/search?q=${encodeURIComponent("accessible story")}`,
      "/corrections",
      "/no-such-page",
    ]) {
      await reader.goto(path);
      await expect(reader.locator("h1")).toHaveCount(1);
      await expect(reader.getByRole("main")).toHaveCount(1);
      await expectAccessible(reader);
    }
    await reader.context().close();
  }
});

test("a keyboard user can skip to the content", async ({ browser }) => {
  const page = await (await browser.newContext(SIGNED_OUT)).newPage();
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});
