import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { EDITOR_STATE } from "./accounts";
import { addByline, expectSaved, SIGNED_OUT, storyBody } from "./helpers";

const tag = () => randomBytes(3).toString("hex");

/** Paste as a browser does from a word processor or wire service: a paste event carrying HTML and plain text. */
async function paste(page: Page, html: string, text: string) {
  await storyBody(page).evaluate(
    (el, data) => {
      const clipboard = new DataTransfer();
      clipboard.setData("text/html", data.html);
      clipboard.setData("text/plain", data.text);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

const AGENDA = "https://example.com/agenda--2018/it's-here";
const MINUTES = "https://example.org/minutes--final";
const WIRE_HTML = [
  `<p>"We came to listen," said the head of the delegation -- a veteran of the 1990s talks.</p>`,
  `<p>The agenda is at <a href="${AGENDA}">${AGENDA}</a>, the minutes at ${MINUTES} -- type <code>talks --list "all"</code> to see them.</p>`,
  `<p>It's the first meeting in two years.</p>`,
  `<p></p>`,
].join("");
const WIRE_TEXT = `"We came to listen," said the head of the delegation -- a veteran of the 1990s talks.\n\nThe agenda is at ${AGENDA}, the minutes at ${MINUTES} -- type talks --list "all" to see them.\n\nIt's the first meeting in two years.`;

test.describe("paste and house style", () => {
  test.use({ storageState: EDITOR_STATE });

  test("wire copy pasted after clicking into the empty body twice reads as the seed does: dateline on the first words, curly quotes, URL and code untouched", async ({
    page,
    browser,
  }) => {
    await page.goto("/newsroom/stories/new");
    await page.getByLabel("Headline", { exact: true }).fill(`Pasted story ${tag()}`);
    await page.getByLabel("Dateline").fill("Beijing");
    const body = storyBody(page);
    await body.click();
    await page.keyboard.press("Enter"); // the second click into the empty body: an empty first paragraph
    await paste(page, WIRE_HTML, WIRE_TEXT);
    await expect(body).toContainText("“We came to listen,” said the head of the delegation — a veteran");
    await expectSaved(page);
    await addByline(page);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("Published");
    const slug = await page.getByLabel("URL slug").inputValue();

    const reader = await (await browser.newContext(SIGNED_OUT)).newPage();
    await reader.goto(`/stories/${slug}`);
    const paragraphs = reader.locator(".story-body > p");
    await expect(paragraphs).toHaveCount(3);
    await expect(paragraphs.first()).toHaveText("BEIJING — “We came to listen,” said the head of the delegation — a veteran of the 1990s talks.");
    const second = paragraphs.nth(1);
    await expect(second.getByRole("link", { name: AGENDA, exact: true })).toHaveAttribute("href", AGENDA);
    await expect(second).toContainText(`the minutes at ${MINUTES} — type talks --list "all" to see them.`);
    await expect(second.locator("code")).toHaveText(`talks --list "all"`);
    await expect(paragraphs.nth(2)).toHaveText("It’s the first meeting in two years.");
    // The excerpt search engines and feeds read starts with the words too.
    await expect(reader.locator('meta[name="description"]')).toHaveAttribute(
      "content",
      "“We came to listen,” said the head of the delegation — a veteran of the 1990s talks.",
    );
  });

  test("typing gets curly quotes and dashes, a typed URL keeps its hyphens, and the toggle turns the house style off", async ({ page }) => {
    await page.goto("/newsroom/stories/new");
    const body = storyBody(page);
    await body.click();
    await page.keyboard.type(`He said "yes" -- it's https://example.com/a--b today.`);
    await expect(body).toHaveText("He said “yes” — it’s https://example.com/a--b today.");

    const toggle = page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "House style quotes and dashes" });
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await body.press("End");
    await page.keyboard.type(` "Plain" -- still.`);
    await paste(page, `<p>"Pasted" -- as is.</p>`, `"Pasted" -- as is.`);
    await expect(body).toContainText(`today. "Plain" -- still.`);
    await expect(body).toContainText(`"Pasted" -- as is.`);

    // The choice is remembered in this browser.
    await page.reload();
    await expect(page.getByRole("button", { name: "House style quotes and dashes" })).toHaveAttribute("aria-pressed", "false");
    await page.getByRole("button", { name: "House style quotes and dashes" }).click();
  });
});
