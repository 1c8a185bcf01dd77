import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN_STATE, EDITOR_STATE } from "./accounts";
import { credit, SIGNED_OUT } from "./helpers";
import { SITE_NAME } from "../lib/site";

const tag = () => randomBytes(3).toString("hex");

test.describe("affiliations in credit lines", () => {
  test.use({ storageState: EDITOR_STATE });

  test("a contributor from another paper, added inline, is credited as the seed credits her; our own staff are not prefixed", async ({ page, browser }) => {
    const author = `Simon Denyer ${tag()}`;
    const wang = `Amber Ziye Wang ${tag()}`;
    const ours = `Li Wei ${tag()}`;
    const headline = `Affiliated story ${tag()}`;
    await page.goto("/newsroom/stories/new");
    await page.getByLabel("Headline", { exact: true }).fill(headline);
    await page.getByRole("textbox", { name: "Story body" }).click();
    await page.keyboard.type("The talks resumed on Monday.");
    await expect(page.getByRole("status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });

    await credit(page, author, "Byline", { affiliation: SITE_NAME, bio: "is The Post's bureau chief in Beijing." });
    await credit(page, wang, "Contributed to this report", { location: "Beijing", affiliation: "The Washington Post" });
    await credit(page, ours, "Contributed to this report", { affiliation: SITE_NAME });
    await credit(page, wang, "Photographer", { existing: true });
    const line = `The Washington Post's ${wang} in Beijing and ${ours} contributed to this report.`;
    const preview = page.getByTestId("credits-preview");
    await expect(preview).toContainText(line);
    await expect(preview).toContainText(`${author} is The Post's bureau chief in Beijing.`);
    await expect(preview).not.toContainText(`${SITE_NAME}'s`);

    // Publish only once the credits are saved (a click while they save is a step on an older version).
    await expect(page.getByRole("status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("Published");
    const slug = await page.getByLabel("URL slug").inputValue();

    const reader = await (await browser.newContext(SIGNED_OUT)).newPage();
    await reader.goto(`/stories/${slug}`);
    const credits = reader.locator(".story-credits");
    await expect(credits).toContainText(line);
    await expect(credits).toContainText(`${author} is The Post's bureau chief in Beijing.`);
    await expect(credits).not.toContainText(`${SITE_NAME}'s`);
    const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!);
    // Wang is contributor and photographer, but one person: named once, with her paper.
    expect(jsonLd.contributor).toEqual([
      expect.objectContaining({ name: wang, affiliation: { "@type": "Organization", name: "The Washington Post" } }),
      expect.objectContaining({ name: ours }),
    ]);

    // Feeds word contributors the same way (the feed refreshes soon after publishing).
    await expect
      .poll(async () => (await reader.request.get("/feed.xml")).text(), { timeout: 20_000 })
      .toContain(`<dc:contributor>The Washington Post&apos;s ${wang}</dc:contributor>`);

    // The author's page says the bio as a sentence.
    await reader.locator(".byline").getByRole("link", { name: author }).click();
    await expect(reader.getByRole("heading", { level: 1, name: author })).toBeVisible();
    await expect(reader.getByText(`${author} is The Post's bureau chief in Beijing.`)).toBeVisible();
  });
});

test.describe("people with affiliations, managed by an admin", () => {
  test.use({ storageState: ADMIN_STATE });

  test("the New person form takes an affiliation, the table shows it under Affiliation, the page says the bio as a sentence", async ({ page, browser }) => {
    const name = `Simon Denyer ${tag()}`;
    await page.goto("/newsroom/people");
    const form = page.getByRole("region", { name: "New person" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Title").fill("bureau chief in Beijing");
    await form.getByLabel("Affiliation").fill("The Washington Post");
    await form.getByLabel("One-line bio").fill("The Post's bureau chief in Beijing");
    await form.getByRole("button", { name: "Add person" }).click();
    await expect(form.getByRole("status")).toContainText(`Added ${name}`);

    await page.goto(`/newsroom/people?q=${encodeURIComponent(name)}`);
    const table = page.getByRole("table");
    const headers = table.getByRole("columnheader");
    await expect(headers).toHaveText(["Name", "Title", "Affiliation", "Credits", "Status"]);
    const row = table.getByRole("row", { name: new RegExp(name) });
    const column = (await headers.allTextContents()).indexOf("Affiliation");
    await expect(row.getByRole("cell").nth(column)).toHaveText("The Washington Post");

    await row.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const publicPath = await page.getByRole("link", { name: "Public page" }).getAttribute("href");
    const reader = await (await browser.newContext(SIGNED_OUT)).newPage();
    await reader.goto(publicPath!);
    await expect(reader.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(reader.getByText(`${name} is The Post's bureau chief in Beijing.`)).toBeVisible();
    await expect(reader.getByText(/^is The Post's/)).toHaveCount(0);
  });
});
