import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startReceiver } from "../testing/webhook-receiver";
import { ADMIN_STATE, EDITOR_STATE } from "./accounts";
import { addByline, SIGNED_OUT, startStory } from "./helpers";

/**
 * Issue 17 as people use it: an admin registers a webhook and makes an API key
 * in the newsroom; an editor publishes in the browser and the receiver hears it,
 * signed, within 2 s; the key reads the story until the admin revokes it; an
 * editor shares a draft's preview with someone who has no account.
 */
const tag = () => randomBytes(3).toString("hex");
const workflow = (page: Page) => page.getByRole("region", { name: "Workflow" });
/** The sentence a newsroom form says after it worked. */
const said = (page: Page, region: string) => page.getByRole("region", { name: region }).getByRole("status");

test("an admin registers a webhook; an editor publishes; the receiver gets a correctly signed story.published within 2 s", async ({ browser }) => {
  const receiver = await startReceiver();
  try {
    const admin = await (await browser.newContext({ storageState: ADMIN_STATE })).newPage();
    await admin.goto("/newsroom/webhooks");
    const form = admin.getByRole("region", { name: "New webhook" });
    await form.getByLabel("Address (https://…)").fill(receiver.url);
    await form.getByLabel("Description (optional)").fill(`E2E receiver ${tag()}`);
    await form.getByRole("checkbox", { name: /A story is published/ }).check();
    await form.getByRole("button", { name: "Register webhook" }).click();
    await expect(said(admin, "New webhook")).toContainText("Its signing secret, shown only now");
    const secret = /(whsec_\S+)/.exec((await said(admin, "New webhook").textContent()) ?? "")![1]!;

    const desk = await (await browser.newContext({ storageState: EDITOR_STATE })).newPage();
    const headline = `Harbor bridge opens ${tag()}`;
    await startStory(desk, headline, "The bridge opened at dawn.");
    await addByline(desk);
    const storyId = desk.url().split("/").pop()!;
    const clicked = Date.now();
    await workflow(desk).getByRole("button", { name: "Publish", exact: true }).click();
    const mine = () =>
      receiver.received.find((r) => {
        const body = JSON.parse(r.body) as { type: string; data: { id: string } };
        return body.type === "story.published" && body.data.id === storyId;
      });
    await receiver.until(() => Boolean(mine()), 10_000);
    const got = mine()!;
    expect(got.at - clicked, "from the click to the receiver").toBeLessThan(2_000);
    const payload = new Webhook(secret).verify(got.body, got.headers) as { type: string; data: { headline: string; url: string } };
    expect(payload.data.headline).toBe(headline);
    expect(got.headers["webhook-id"]).toMatch(/^msg_/);
    await expect(workflow(desk)).toContainText("Published");

    // The admin reads the delivery log, then removes the endpoint.
    await admin.goto("/newsroom/webhooks");
    await admin.getByRole("link", { name: `Delivery log of ${receiver.url}` }).click();
    const row = admin.getByRole("row", { name: new RegExp(got.headers["webhook-id"]!) });
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("HTTP 200");
    await admin.getByRole("link", { name: "← Webhooks" }).click();
    await admin.getByRole("row", { name: receiver.url }).getByRole("button", { name: "Remove" }).click();
    await expect(admin.getByRole("row", { name: receiver.url })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});

test("an admin makes an API key in the newsroom; it reads the published story until it is revoked", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: ADMIN_STATE })).newPage();
  const name = `Partner app ${tag()}`;
  await admin.goto("/newsroom/api-keys");
  const form = admin.getByRole("region", { name: "New key" });
  await form.getByLabel("Name (who or what uses it)").fill(name);
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(said(admin, "New key")).toContainText("shown only now");
  const key = /(nk_\S+)/.exec((await said(admin, "New key").textContent()) ?? "")![1]!;

  const desk = await (await browser.newContext({ storageState: EDITOR_STATE })).newPage();
  const headline = `Council passes budget ${tag()}`;
  await startStory(desk, headline, "The council passed the budget.");
  const storyId = desk.url().split("/").pop()!;
  const api = await (await browser.newContext(SIGNED_OUT)).request;
  const auth = { Authorization: `Bearer ${key}` };
  // A draft: not for a content key.
  expect((await api.get(`/api/v1/stories/${storyId}`, { headers: auth })).status()).toBe(404);
  await addByline(desk);
  await workflow(desk).getByRole("button", { name: "Publish", exact: true }).click();
  await expect(workflow(desk)).toContainText("Published");
  await expect.poll(async () => (await api.get(`/api/v1/stories/${storyId}`, { headers: auth })).status()).toBe(200);
  const story = await (await api.get(`/api/v1/stories/${storyId}`, { headers: auth })).json();
  expect(story.headline).toBe(headline);
  expect(story.body.html).toContain("<p>The council passed the budget.</p>");

  await admin.reload();
  const row = admin.getByRole("row", { name });
  await expect(row).toContainText(/[1-9]\d* requests/);
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked");
  expect((await api.get(`/api/v1/stories/${storyId}`, { headers: auth })).status()).toBe(401);
});

test("an editor shares a draft's preview: opened without signing in, never indexed or cached, each use recorded, then revoked", async ({ browser }) => {
  const desk = await (await browser.newContext({ storageState: EDITOR_STATE })).newPage();
  const headline = `Mayor's letter, unpublished ${tag()}`;
  await startStory(desk, headline, "The letter says the mayor will resign.");
  // The panel is part of a saved story's page (a new story's address changes in place on its first save).
  await desk.reload();
  const panel = desk.getByRole("region", { name: "Share the preview" });
  await panel.getByLabel("For whom").fill("Legal: M. Chen");
  await panel.getByLabel("Hours it works").fill("24");
  await panel.getByRole("button", { name: "Make a link" }).click();
  await expect(panel.getByRole("status")).toContainText("Copy it now");
  const url = /(https?:\/\/\S+\/share\/[A-Za-z0-9_-]{43})/.exec((await panel.getByRole("status").textContent()) ?? "")![1]!;
  const path = new URL(url).pathname;

  const outsider = await (await browser.newContext(SIGNED_OUT)).newPage();
  const response = await outsider.goto(path);
  expect(response!.status()).toBe(200);
  expect(response!.headers()["cache-control"]).toBe("private, no-store");
  expect(response!.headers()["x-robots-tag"]).toMatch(/noindex/);
  expect(response!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(outsider.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(outsider.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(outsider.getByRole("note")).toContainText("A preview shared by the newsroom for Legal: M. Chen, not published");

  await desk.reload();
  const link = desk.getByRole("region", { name: "Share the preview" }).getByRole("listitem", { name: "Legal: M. Chen" });
  await expect(link).toContainText("Opened 1 time");
  await link.getByRole("button", { name: "Revoke the link for Legal: M. Chen" }).click();
  await expect(link).toContainText("Revoked");
  const gone = await outsider.goto(path);
  expect(gone!.status()).toBe(404);
  await expect(outsider.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  expect(await outsider.content()).not.toContain(headline);
});
