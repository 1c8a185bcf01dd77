import { expect, test } from "@playwright/test";
import { BASE, callAction, newAccount, signedIn, sql, uploadImage } from "./kit";

/**
 * Issue 12, item 3: a contributor opening an image used by an editor's draft,
 * scheduled and embargoed stories must not read their headlines, on the
 * image's page or in the refusal to delete it. (The image itself stays
 * visible: contributors pick library photos for their own stories.)
 */
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

test("an image's page and its delete refusal name none of another person's unpublished stories", async ({ browser }) => {
  const contributor = await signedIn(await newAccount("CONTRIBUTOR"));
  const editor = await signedIn(await newAccount("EDITOR"));
  const mediaId = await uploadImage(contributor);
  const t = Date.now().toString(36);
  const secret = { draft: `Secret draft ${t}`, scheduled: `Secret scheduled ${t}`, embargoed: `Secret embargoed ${t}` };
  const ids: Record<string, string> = {};
  for (const [kind, headline] of Object.entries(secret)) {
    const created = await callAction(editor, "saveStoryAction", [
      { storyId: null, baseVersion: null, fields: { headline, leadMediaId: mediaId, body: doc("Not for contributors yet.") } },
    ]);
    expect(created.result?.ok, created.text).toBe(true);
    ids[kind] = (created.result!.data as { id: string }).id;
  }
  // The states themselves are set straight in the database: what is under test is who may read them.
  await sql(`UPDATE "Story" SET status = 'SCHEDULED', "scheduledAt" = now() + interval '3 days' WHERE id = $1`, [ids.scheduled]);
  await sql(`UPDATE "Story" SET "embargoUntil" = now() + interval '3 days' WHERE id = $1`, [ids.embargoed]);

  const html = await (await contributor.get(`/newsroom/media/${mediaId}`)).text();
  expect(html).toContain("security.jpg");
  for (const headline of Object.values(secret)) expect(html).not.toContain(headline);
  for (const id of Object.values(ids)) expect(html).not.toContain(id);
  expect(html).toContain("3 stories");
  expect(html).toContain("you can’t see");

  // The contributor uploaded the image, so may try to delete it, as a person would.
  const context = await browser.newContext({ baseURL: BASE, storageState: await contributor.storageState() });
  const page = await context.newPage();
  await page.goto(`/newsroom/media/${mediaId}`);
  await page.getByRole("button", { name: "Delete this image" }).click();
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toContainText("This image is used in 3 stories you can’t see");
  const refusal = await alert.innerText();
  for (const headline of Object.values(secret)) expect(refusal).not.toContain(headline);
  await context.close();

  // The desk still sees them all.
  const desk = await (await editor.get(`/newsroom/media/${mediaId}`)).text();
  for (const headline of Object.values(secret)) expect(desk).toContain(headline);
  expect((await sql(`SELECT count(*)::int AS n FROM "Media" WHERE id = $1`, [mediaId]))[0]).toEqual({ n: 1 });
});
