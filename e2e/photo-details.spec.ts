import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { makeJpeg } from "../testing/images";
import { EDITOR_STATE } from "./accounts";
import { addByline, expectSaved, saveState, SIGNED_OUT, startStory, storyBody } from "./helpers";

const tag = () => randomBytes(3).toString("hex");

/** Upload a new image from inside a picker dialog ("Choose the lead photo", "Insert an image"); an uploaded image is chosen at once. */
async function uploadInPicker(page: Page, opener: Locator, pickerName: string, filename: string, width: number, height: number) {
  await opener.click();
  const picker = page.getByRole("dialog", { name: pickerName });
  await picker.getByLabel("Images to upload").setInputFiles({ name: filename, mimeType: "image/jpeg", buffer: await makeJpeg(width, height) });
  await expect(picker).toBeHidden();
}

type TDetails = { alt?: string; caption?: string; photographer?: string; agency?: string; holder?: string; year?: string };

/** Fill the open photo details dialog and save; the dialog closes once saved. */
async function fillDetails(page: Page, details: TDetails) {
  const dialog = page.getByRole("dialog", { name: "Photo details" });
  if (details.alt !== undefined) await dialog.getByLabel(/^Alt text/).fill(details.alt);
  if (details.caption !== undefined) await dialog.getByRole("textbox", { name: "Caption", exact: true }).fill(details.caption);
  if (details.photographer !== undefined) await dialog.getByLabel(/^Or credit as written/).fill(details.photographer);
  if (details.agency !== undefined) await dialog.getByLabel("Source or agency").fill(details.agency);
  if (details.holder !== undefined) await dialog.getByLabel("Copyright holder").fill(details.holder);
  if (details.year !== undefined) await dialog.getByLabel("Copyright year").fill(details.year);
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(dialog).toBeHidden();
}

const JANE = { photographer: "Jane Roe", agency: "Agency", holder: "Agency", year: "2018" };
/** components/site/figure.tsx: the caption, then the credit (the holder is not repeated when it is the agency). */
const CREDIT = "(Jane Roe/Agency Copyright 2018)";

async function publish(page: Page) {
  await expectSaved(page);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
}

/** The published story as a reader sees it, signed out. */
async function readerPage(page: Page, browser: Browser) {
  const slug = await page.getByLabel("URL slug").inputValue();
  const reader = await (await browser.newContext(SIGNED_OUT)).newPage();
  await reader.goto(`/stories/${slug}`);
  return reader;
}

test.describe("photo details in the story editor", () => {
  test.use({ storageState: EDITOR_STATE });

  test("an editor uploads a lead photo, sets its details from the lead photo panel, sees the caption and credit at once, and readers get them", async ({
    page,
    browser,
  }) => {
    const t = tag();
    const caption = `Soldiers stand guard at the border village ${t}.`;
    await startStory(page, `Border guards ${t}`, "The guards changed at dawn.");
    const panel = page.getByRole("region", { name: "Lead photo" });
    await uploadInPicker(page, panel.getByRole("button", { name: "Choose or upload a lead photo…" }), "Choose the lead photo", `border-${t}.jpg`, 1400, 900);
    await expect(panel).toContainText("This photo has no alt text yet");
    await expect(panel).toContainText("no caption or credit yet");

    await panel.getByRole("button", { name: "Photo details…" }).click();
    const dialog = page.getByRole("dialog", { name: "Photo details" });
    await expect(dialog).toContainText(`border-${t}.jpg`);
    await fillDetails(page, { alt: "Two soldiers beside a gate in a village street.", caption, ...JANE });

    // No reload: the panel shows what was saved.
    await expect(panel).toContainText(`Readers see: ${caption} ${CREDIT}`);
    await expect(panel).not.toContainText("no alt text yet");
    await expect(panel.getByRole("img")).toHaveAccessibleName("Two soldiers beside a gate in a village street.");
    // Opened again, the dialog has the saved details.
    await panel.getByRole("button", { name: "Photo details…" }).click();
    await expect(dialog.getByRole("textbox", { name: "Caption", exact: true })).toHaveValue(caption);
    await expect(dialog.getByLabel("Copyright year")).toHaveValue("2018");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();

    await addByline(page);
    await publish(page);
    await expect(saveState(page)).toContainText("Published");
    const reader = await readerPage(page, browser);
    const figure = reader.locator("figure").first();
    await expect(figure.locator("figcaption")).toHaveText(`${caption} ${CREDIT}`);
    await expect(figure.locator("img")).toHaveAttribute("alt", "Two soldiers beside a gate in a village street.");

    // Corrected from the editor after publishing: the cached story page shows it at the next visit.
    const corrected = `Soldiers stand guard at the border crossing ${t}.`;
    await panel.getByRole("button", { name: "Photo details…" }).click();
    await fillDetails(page, { caption: corrected });
    await expect(panel).toContainText(`Readers see: ${corrected} ${CREDIT}`);
    await reader.reload();
    await expect(figure.locator("figcaption")).toHaveText(`${corrected} ${CREDIT}`);
  });

  test("a body image's details are set from its own button; the publishing refusal offers each image it names, and fixing them lets the story publish", async ({
    page,
    browser,
  }) => {
    const t = tag();
    const lead = `lead-${t}.jpg`;
    const inBody = `body-${t}.jpg`;
    const bodyCaption = `Villagers queue for water ${t}.`;
    await startStory(page, `Water queue ${t}`, "The well ran dry in June.");
    const panel = page.getByRole("region", { name: "Lead photo" });
    await uploadInPicker(page, panel.getByRole("button", { name: "Choose or upload a lead photo…" }), "Choose the lead photo", lead, 1300, 850);
    await storyBody(page).click();
    await page.keyboard.press("End");
    await uploadInPicker(page, page.getByRole("button", { name: "Insert image" }), "Insert an image", inBody, 1100, 733);
    // Found by its details button: once captioned, the figure no longer shows the file's name.
    const bodyFigure = storyBody(page)
      .locator("figure")
      .filter({ has: page.getByRole("button", { name: `Photo details: ${inBody}` }) });
    await expect(bodyFigure).toContainText("No alt text yet");
    await addByline(page);

    await publish(page);
    await expect(page.getByRole("alert").filter({ hasText: "alt text" })).toContainText(`Add alt text to “${lead}”, the lead photo, before publishing`);
    const fixLead = page.getByRole("button", { name: `Add alt text to “${lead}”` });
    const fixBody = page.getByRole("button", { name: `Add alt text to “${inBody}”` });
    await expect(fixLead).toBeVisible();
    await expect(fixBody).toBeVisible();
    await expect(saveState(page)).not.toContainText("Published");

    // The body image's own button: its caption and credit show in the body at once.
    await bodyFigure.getByRole("button", { name: `Photo details: ${inBody}` }).click();
    await fillDetails(page, { alt: "People with buckets stand in a line.", caption: bodyCaption, ...JANE });
    await expect(bodyFigure).toContainText(`${bodyCaption} ${CREDIT}`);
    await expect(bodyFigure).not.toContainText("No alt text yet");
    await expect(bodyFigure.getByRole("img")).toHaveAccessibleName("People with buckets stand in a line.");
    // That image has its alt text: its button in the refusal is gone, the other's stays.
    await expect(fixBody).toBeHidden();

    await fixLead.click();
    const dialog = page.getByRole("dialog", { name: "Photo details" });
    await expect(dialog).toContainText(lead);
    await expect(dialog.getByLabel(/^Alt text/)).toHaveValue("");
    await fillDetails(page, { alt: "A dry well under a tin roof." });
    await expect(fixLead).toBeHidden();
    await expect(panel).not.toContainText("no alt text yet");

    await publish(page);
    await expect(saveState(page)).toContainText("Published");
    const reader = await readerPage(page, browser);
    await expect(reader.locator("figure").first().locator("img")).toHaveAttribute("alt", "A dry well under a tin roof.");
    const readerBodyFigure = reader.locator("figure").filter({ hasText: bodyCaption });
    await expect(readerBodyFigure.locator("figcaption")).toHaveText(`${bodyCaption} ${CREDIT}`);
    await expect(readerBodyFigure.locator("img")).toHaveAttribute("alt", "People with buckets stand in a line.");
  });

  test("details changed in the library while the dialog is open: the save is refused with theirs shown and what was typed kept, then replaces theirs", async ({
    page,
    context,
  }) => {
    const t = tag();
    const filename = `gate-${t}.jpg`;
    const mine = `The north gate at dusk ${t}.`;
    const theirs = `The south gate at noon ${t}.`;
    await startStory(page, `Gates ${t}`, "Both gates were shut.");
    const panel = page.getByRole("region", { name: "Lead photo" });
    await uploadInPicker(page, panel.getByRole("button", { name: "Choose or upload a lead photo…" }), "Choose the lead photo", filename, 1250, 830);
    await panel.getByRole("button", { name: "Photo details…" }).click();
    const dialog = page.getByRole("dialog", { name: "Photo details" });
    await expect(dialog.getByLabel(/^Alt text/)).toHaveValue("");

    // Meanwhile someone saves the same photo's details on its Media page.
    const mediaPage = await dialog.getByRole("link", { name: "Open in Media" }).getAttribute("href");
    const library = await context.newPage();
    await library.goto(mediaPage!);
    await expect(library.getByRole("heading", { name: filename })).toBeVisible();
    await library.getByLabel(/^Alt text/).fill("A closed gate.");
    await library.getByRole("textbox", { name: "Caption", exact: true }).fill(theirs);
    await library.getByRole("button", { name: "Save details" }).click();
    await expect(library.locator("form").getByRole("status")).toContainText("Saved.");

    await dialog.getByLabel(/^Alt text/).fill("A gate with a lamp above it.");
    await dialog.getByRole("textbox", { name: "Caption", exact: true }).fill(mine);
    await dialog.getByRole("button", { name: "Save details" }).click();
    const refusal = dialog.getByRole("alert");
    await expect(refusal).toContainText("Someone else changed this photo's details");
    await expect(refusal).toContainText(/Their alt text\s*A closed gate\./);
    await expect(refusal).toContainText(`${theirs}`);
    await expect(refusal).toContainText("Their caption and credit");
    await expect(dialog.getByLabel(/^Alt text/)).toHaveValue("A gate with a lamp above it.");
    await expect(dialog.getByRole("textbox", { name: "Caption", exact: true })).toHaveValue(mine);
    // Nothing of mine was saved yet.
    await expect(panel).not.toContainText(mine);

    await dialog.getByRole("button", { name: "Replace theirs with mine" }).click();
    await expect(dialog).toBeHidden();
    await expect(panel).toContainText(`Readers see: ${mine}`);
    await library.reload();
    await expect(library.getByRole("textbox", { name: "Caption", exact: true })).toHaveValue(mine);
    await expect(library.getByLabel(/^Alt text/)).toHaveValue("A gate with a lamp above it.");
  });
});
