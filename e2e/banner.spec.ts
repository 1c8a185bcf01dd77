import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { EDITOR_STATE } from "./accounts";
import { expectAccessible, SIGNED_OUT } from "./helpers";

/**
 * Issue 18, item 3: the desk puts a breaking-news line on every reader page and
 * takes it down; pages already cached show and drop it at once (its event
 * expires them). Kept up only as long as the test needs: it is on every page.
 */
test("the desk puts up a breaking-news banner with a link; every reader page shows it at once, and it goes when taken down", async ({ browser }) => {
  const desk = await (await browser.newContext({ storageState: EDITOR_STATE })).newPage();
  const reader = await (await browser.newContext(SIGNED_OUT)).newPage();
  const pages = ["/", "/search", "/corrections"];
  // Cached before the banner goes up.
  for (const path of pages) await reader.goto(path);

  const line = `Earthquake hits the coast ${randomBytes(3).toString("hex")}`;
  await desk.goto("/newsroom/front");
  const panel = desk.getByRole("region", { name: "Breaking-news banner" });
  await panel.getByLabel("Line (at most 140 characters)").fill(line);
  await panel.getByLabel("Link (optional)").fill("javascript:alert(1)");
  await panel.getByRole("button", { name: /Put up the banner|Replace the banner/ }).click();
  await expect(panel.getByRole("alert")).toContainText("Link to a page on this site");
  // What was typed stays.
  await expect(panel.getByLabel("Line (at most 140 characters)")).toHaveValue(line);
  await panel.getByLabel("Link (optional)").fill("/corrections");
  await panel.getByRole("button", { name: /Put up the banner|Replace the banner/ }).click();
  await expect(panel.getByRole("status")).toContainText("The banner is up");

  try {
    for (const path of pages) {
      await expect
        .poll(async () => {
          await reader.goto(path);
          return reader.getByRole("complementary", { name: "Breaking news" }).textContent();
        })
        .toContain(line);
      await expect(reader.getByRole("complementary", { name: "Breaking news" }).getByRole("link")).toHaveAttribute("href", "/corrections");
    }
    await expectAccessible(reader);
  } finally {
    await desk.reload();
    await desk.getByRole("region", { name: "Breaking-news banner" }).getByRole("button", { name: "Take the banner down" }).click();
    await expect(desk.getByRole("region", { name: "Breaking-news banner" })).toContainText("No banner is up");
  }
  for (const path of pages) {
    await expect
      .poll(async () => {
        await reader.goto(path);
        return reader.getByRole("complementary", { name: "Breaking news" }).count();
      })
      .toBe(0);
  }
});
