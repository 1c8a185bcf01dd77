import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN_STATE, EDITOR_STATE } from "./accounts";
import { credit, SIGNED_OUT } from "./helpers";

const tag = () => randomBytes(3).toString("hex");

test.describe("credits", () => {
  test.use({ storageState: EDITOR_STATE });

  test("an editor credits a byline and a contributor in Beijing; readers see both lines and the author's page", async ({ page, browser }) => {
    const author = `Jane Roe ${tag()}`;
    const helper = `Li Wei ${tag()}`;
    await page.goto("/newsroom/stories/new");
    await page.getByLabel("Headline", { exact: true }).fill(`Credited story ${tag()}`);
    await page.getByRole("textbox", { name: "Story body" }).click();
    await page.keyboard.type("The talks resumed on Monday.");
    await expect(page.getByRole("status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });

    await credit(page, author, "Byline");
    await credit(page, helper, "Contributed to this report", { location: "Beijing" });
    await credit(page, helper, "Photographer", { ownWording: "Photographs by the Agency pool.", existing: true });
    const preview = page.getByTestId("credits-preview");
    await expect(preview).toContainText("Photographs by the Agency pool.");
    await expect(preview).toContainText(`By ${author}`);
    await expect(preview).toContainText(`${helper} in Beijing contributed to this report.`);

    // Order and removal work from the keyboard-reachable buttons.
    await page.getByRole("button", { name: `Move ${helper} (Contributed to this report) up` }).click();
    await expect(page.getByRole("list", { name: "Credited people" }).getByRole("listitem").first()).toContainText(helper);

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("Published");
    const slug = await page.getByLabel("URL slug").inputValue();

    const reader = await (await browser.newContext(SIGNED_OUT)).newPage();
    await reader.goto(`/stories/${slug}`);
    const byline = reader.locator(".byline");
    await expect(byline).toHaveText(`By ${author}`);
    await expect(byline.getByRole("link", { name: author })).toHaveAttribute("rel", "author");
    await expect(reader.locator(".story-credits")).toContainText(`${helper} in Beijing contributed to this report.`);
    await expect(reader.locator(".story-credits")).toContainText("Photographs by the Agency pool.");
    const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd.author).toEqual([expect.objectContaining({ "@type": "Person", name: author })]);
    // Contributor and photographer, but one person: named once.
    expect(jsonLd.contributor).toEqual([expect.objectContaining({ name: helper })]);

    await byline.getByRole("link", { name: author }).click();
    await expect(reader.getByRole("heading", { level: 1, name: author })).toBeVisible();
    await expect(reader.getByRole("link", { name: /Credited story/ })).toBeVisible();
  });
});

test.describe("people managed by an admin", () => {
  test("an admin adds two people with bios; an editor credits them; readers see the byline, the contributor line and the bio", async ({ browser }) => {
    test.setTimeout(90_000); // three people at work: an admin, an editor and a reader
    const author = { name: `Wang Fang ${tag()}`, bio: "is the bureau chief in Beijing" };
    const helper = { name: `Tom Berg ${tag()}`, bio: "is a freelance journalist" };

    const admin = await (await browser.newContext({ storageState: ADMIN_STATE })).newPage();
    await admin.goto("/newsroom/people");
    const form = admin.getByRole("region", { name: "New person" });
    for (const p of [author, helper]) {
      await form.getByLabel("Name").fill(p.name);
      await form.getByLabel("One-line bio").fill(p.bio);
      await form.getByRole("button", { name: "Add person" }).click();
      await expect(form.getByRole("status")).toContainText(`Added ${p.name}`);
    }
    await admin.goto(`/newsroom/people?q=${encodeURIComponent(helper.name)}`);
    await admin.getByRole("link", { name: helper.name }).click();
    await expect(admin.getByRole("heading", { level: 1, name: helper.name })).toBeVisible();
    await expect(admin.getByRole("combobox", { name: "Account" })).toHaveValue(""); // no login

    const editor = await (await browser.newContext({ storageState: EDITOR_STATE })).newPage();
    await editor.goto("/newsroom/stories/new");
    await editor.getByLabel("Headline", { exact: true }).fill(`Managed people ${tag()}`);
    await editor.getByRole("textbox", { name: "Story body" }).click();
    await editor.keyboard.type("Talks resumed.");
    await expect(editor.getByRole("status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
    await credit(editor, author.name, "Byline", { existing: true });
    await credit(editor, helper.name, "Contributed to this report", { location: "Beijing", existing: true });
    await editor.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(editor.getByRole("status")).toContainText("Published");
    const slug = await editor.getByLabel("URL slug").inputValue();

    const reader = await (await browser.newContext(SIGNED_OUT)).newPage();
    await reader.goto(`/stories/${slug}`);
    await expect(reader.locator(".byline")).toHaveText(`By ${author.name}`);
    await expect(reader.locator(".story-credits")).toContainText(`${helper.name} in Beijing contributed to this report.`);
    await expect(reader.locator(".story-credits")).toContainText(`${author.name} is the bureau chief in Beijing.`);

    // A bio change shows on the story at once: people are referenced, not copied.
    await admin.goto("/newsroom/people");
    await admin.getByRole("link", { name: author.name }).click();
    await expect(admin.getByRole("heading", { level: 1, name: author.name })).toBeVisible();
    await admin.getByLabel(/One-line bio/).fill("is the Asia editor");
    await admin.getByRole("button", { name: "Save person" }).click();
    await expect(admin.getByRole("status")).toContainText(`Saved ${author.name}`);
    await reader.reload();
    await expect(reader.locator(".story-credits")).toContainText(`${author.name} is the Asia editor.`);
  });
});
