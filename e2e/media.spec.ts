import { randomBytes } from "node:crypto";
import exifr from "exifr";
import { expect, test, type Page } from "@playwright/test";
import { HTML_AS_JPEG, makeJpeg, makeJpegWithMetadata, makeTruncatedJpeg, SCRIPTED_SVG } from "../testing/images";
import { CONTRIBUTOR_STATE, E2E_MAX_UPLOAD_MB, EDITOR_STATE } from "./accounts";
import { addByline, formAlert, SIGNED_OUT } from "./helpers";

const tag = () => randomBytes(3).toString("hex");
const saveState = (page: Page) => page.getByRole("status").first();

/** Upload through the library page's file picker and wait for the verdict on that file. */
async function uploadInLibrary(page: Page, name: string, buffer: Buffer, mimeType = "image/jpeg") {
  await page.goto("/newsroom/media");
  await page.getByLabel("Images to upload").setInputFiles({ name, mimeType, buffer });
  return page.getByRole("list", { name: "Uploads" }).getByRole("listitem").filter({ hasText: name });
}

/** POST a file to the upload endpoint as the signed-in page would (from our own origin). */
function postUpload(page: Page, name: string, data: Buffer) {
  const origin = new URL(String(test.info().project.use.baseURL)).origin;
  return page.request.post("/api/media", { data, headers: { "X-Filename": encodeURIComponent(name), "Content-Type": "image/jpeg", Origin: origin } });
}

test.describe("media", () => {
  test.use({ storageState: EDITOR_STATE });

  test("an editor uploads a photo, credits it, makes it a story's lead photo and publishes; readers get the figure and a WebP/AVIF variant", async ({
    page,
    browser,
  }) => {
    const t = tag();
    const caption = `Soldiers stand guard outside the meeting rooms ${t}.`;
    const row = await uploadInLibrary(page, `guards-${t}.jpg`, await makeJpeg(1600, 1000));
    await expect(row).toContainText("Uploaded.");
    await page.getByRole("link", { name: new RegExp(`guards-${t}\\.jpg`) }).click();
    await page.getByLabel(/^Alt text/).fill("Two soldiers stand at a doorway.");
    await page.getByLabel("Caption").fill(caption);
    await page.getByLabel(/^Or credit as written/).fill("Jane Roe");
    await page.getByLabel("Source or agency").fill("Agency");
    await page.getByLabel("Copyright holder").fill("Agency");
    await page.getByLabel("Copyright year").fill("2018");
    // Click the photo's left third: crops keep that in frame.
    const photo = page.getByRole("button", { name: /^Focal point/ });
    const box = (await photo.boundingBox())!;
    await photo.click({ position: { x: box.width * 0.25, y: box.height * 0.5 } });
    await expect(photo).toHaveAccessibleName(/25% from the left/);
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.locator("form").getByRole("status")).toContainText("Saved.");
    await page.reload();
    await expect(page.getByText(`As readers see it: ${caption} (Jane Roe/Agency Copyright 2018)`)).toBeVisible();

    await page.goto("/newsroom/stories/new");
    await page.getByLabel("Headline", { exact: true }).fill(`Guards at the talks ${t}`);
    await page.getByRole("textbox", { name: "Story body" }).click();
    await page.keyboard.type("The talks resumed on Monday.");
    await expect(saveState(page)).toHaveAttribute("data-state", "saved");
    await page.getByRole("button", { name: "Choose or upload a lead photo…" }).click();
    const picker = page.getByRole("dialog", { name: "Choose the lead photo" });
    await picker.getByLabel("Search the library").fill(`meeting rooms ${t}`);
    await picker.getByRole("button", { name: "Choose Two soldiers stand at a doorway." }).click();
    await expect(picker).toBeHidden();
    await expect(page.getByRole("region", { name: "Lead photo" })).toContainText(`${caption} (Jane Roe/Agency Copyright 2018)`);
    await expect(saveState(page)).toHaveAttribute("data-state", "saved");
    await addByline(page);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(saveState(page)).toContainText("Published");
    const slug = await page.getByLabel("URL slug").inputValue();

    const reader = await (await browser.newContext(SIGNED_OUT)).newPage();
    const variants: { url: string; type: string; cache: string; nosniff: string }[] = [];
    reader.on("response", (res) => {
      if (res.url().includes("/api/media/"))
        variants.push({
          url: res.url(),
          type: res.headers()["content-type"] ?? "",
          cache: res.headers()["cache-control"] ?? "",
          nosniff: res.headers()["x-content-type-options"] ?? "",
        });
    });
    await reader.goto(`/stories/${slug}`);
    const figure = reader.locator("figure").first();
    await expect(figure.locator("figcaption")).toHaveText(`${caption} (Jane Roe/Agency Copyright 2018)`);
    const img = figure.locator("img");
    await expect(img).toHaveAttribute("alt", "Two soldiers stand at a doorway.");
    await expect(img).toHaveAttribute("width", "1600");
    await expect(img).toHaveAttribute("height", "1000");
    await expect(img).toHaveAttribute("loading", "eager");
    await expect(figure.locator('source[type="image/avif"]')).toHaveAttribute("srcset", /w320\.avif 320w.*w1600\.avif 1600w/);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    const chosen = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
    expect(chosen).toMatch(/\/api\/media\/[a-z0-9]+\/w\d+\.(avif|webp)$/);
    await expect
      .poll(() => variants.find((v) => v.url === chosen))
      .toMatchObject({ type: /^image\/(avif|webp)$/, cache: "public, max-age=31536000, immutable", nosniff: "nosniff" });

    const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd.image[0]).toMatchObject({
      "@type": "ImageObject",
      width: 1280,
      height: 720,
      creditText: "Jane Roe/Agency Copyright 2018",
      url: expect.stringMatching(/16x9-w1280-f25x50\.jpg$/),
    });
    await expect(reader.locator('meta[property="og:image"]')).toHaveAttribute("content", /191x100-w1280-f25x50\.jpg$/);
    // The crop the card points at exists and keeps to its size.
    const card = await reader.request.get(jsonLd.image[0].url.replace(/^https?:\/\/[^/]+/, ""));
    expect(card.headers()["content-type"]).toBe("image/jpeg");
  });

  test("refuses a scripted SVG, an HTML file renamed .jpg, a truncated JPEG and an oversized file, clearly, and stores none of them", async ({ page }) => {
    const t = tag();
    for (const [name, data, mime, reason] of [
      [`evil-${t}.svg`, SCRIPTED_SVG, "image/svg+xml", "SVG images are not accepted"],
      [`page-${t}.jpg`, HTML_AS_JPEG, "image/jpeg", "This file is not an image we accept"],
      [`cut-${t}.jpg`, await makeTruncatedJpeg(), "image/jpeg", "This image is damaged or incomplete"],
    ] as const) {
      const row = await uploadInLibrary(page, name, data, mime);
      await expect(row.getByRole("alert")).toContainText(reason);
    }
    // Too large: the page says so before sending, and the server answers 413 if sent anyway.
    const big = Buffer.concat([await makeJpeg(), Buffer.alloc((E2E_MAX_UPLOAD_MB + 1) * 1024 * 1024)]);
    const row = await uploadInLibrary(page, `big-${t}.jpg`, big);
    await expect(row.getByRole("alert")).toContainText(`larger than the ${E2E_MAX_UPLOAD_MB} MB limit`);
    const res = await postUpload(page, `big-${t}.jpg`, big);
    expect(res.status()).toBe(413);
    expect((await res.json()).error.message).toContain(`larger than the ${E2E_MAX_UPLOAD_MB} MB limit`);
    // Without our Origin, nothing is accepted at all.
    const foreign = await page.request.post("/api/media", { data: await makeJpeg(), headers: { Origin: "https://evil.example" } });
    expect(foreign.status()).toBe(403);

    await page.goto(`/newsroom/media?q=${t}`);
    await expect(page.getByText("0 images")).toBeVisible();
  });

  test("a photo with GPS data is served without it; publishing without alt text names the image; an image in use cannot be deleted", async ({ page }) => {
    const t = tag();
    const res = await postUpload(page, `phone-${t}.jpg`, await makeJpegWithMetadata());
    expect(res.status()).toBe(201);
    const { media } = await res.json();
    // Credits written into the file by the camera or agency are filled in.
    expect(media).toMatchObject({ caption: "Soldiers stand guard at the border village.", creditText: "Jane Roe", source: "Agency", copyrightYear: 2018 });
    const variant = await page.request.get(`/api/media/${media.id}/w1200.jpg`);
    expect(variant.headers()["content-type"]).toBe("image/jpeg");
    expect(await exifr.gps(Buffer.from(await variant.body()))).toBeUndefined();

    await page.goto("/newsroom/stories/new");
    await page.getByLabel("Headline", { exact: true }).fill(`No alt yet ${t}`);
    await page.getByRole("textbox", { name: "Story body" }).click();
    await page.keyboard.type("A paragraph, then a picture.");
    await page.getByRole("button", { name: "Insert image" }).click();
    const picker = page.getByRole("dialog", { name: "Insert an image" });
    await picker.getByLabel("Search the library").fill(`phone-${t}`);
    await picker.getByRole("button", { name: `Choose phone-${t}.jpg` }).click();
    await expect(page.getByRole("textbox", { name: "Story body" }).locator(`figure[data-media-id="${media.id}"]`)).toContainText("No alt text yet");
    await expect(saveState(page)).toHaveAttribute("data-state", "saved");
    await addByline(page);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "alt text" })).toContainText(
      `Add alt text to “phone-${t}.jpg”, an image in the story, before publishing`,
    );

    await page.goto(`/newsroom/media/${media.id}`);
    await expect(
      page
        .getByRole("region", { name: "Used in" })
        .or(page.locator("section", { hasText: "Used in" }))
        .first(),
    ).toContainText(`No alt yet ${t}`);
    await page.getByRole("button", { name: "Delete this image" }).click();
    await expect(formAlert(page)).toContainText(`This image is used in a story: “No alt yet ${t}”`);
  });
});

test.describe("media as a contributor", () => {
  test.use({ storageState: CONTRIBUTOR_STATE });

  test("can upload and describe their own image", async ({ page }) => {
    const t = tag();
    const row = await uploadInLibrary(page, `mine-${t}.jpg`, await makeJpeg(800, 600));
    await expect(row).toContainText("Uploaded.");
    await page.getByRole("link", { name: new RegExp(`mine-${t}`) }).click();
    await page.getByLabel(/^Alt text/).fill("A white circle on a colored field.");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.locator("form").getByRole("status")).toContainText("Saved.");
  });
});
