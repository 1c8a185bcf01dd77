import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN_STATE, EDITOR_STATE } from "../accounts";
import { newApiKey, operatorCli } from "../helpers";
import { BASE, callAction, newAccount, publishedStory, signedIn, sql } from "./kit";

/**
 * Issue 17 from an attacker's side: the delivery API without a key, with a
 * revoked or made-up one, or with a content key trying to read drafts and
 * embargoed stories (directly, through lists and search, and through the
 * cache a preview key filled); share links guessed or reused after revoking;
 * secrets shown again; the admin pages from a non-admin.
 */
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
/** Limits count per clock minute: start a counting test well inside one. */
async function freshMinute() {
  const s = new Date().getSeconds();
  if (s > 52) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
}

async function draft(headline: string) {
  const editor = await signedIn(await newAccount("EDITOR"));
  const created = await callAction(editor, "saveStoryAction", [
    { storyId: null, baseVersion: null, fields: { headline, body: doc("Not yet for anyone outside.") } },
  ]);
  expect(created.result?.ok, created.text).toBe(true);
  await editor.dispose();
  return created.result!.data as { id: string; slug: string };
}

test("no key, a made-up key, a key in the wrong scheme: 401 with the Bearer challenge, and nothing read", async ({ request }) => {
  for (const headers of [{}, bearer("nk_" + randomBytes(32).toString("base64url")), { Authorization: "Basic YWRtaW46YWRtaW4=" }, bearer("' OR 1=1 --")]) {
    const res = await request.get("/api/v1/stories", { headers });
    expect(res.status(), JSON.stringify(headers)).toBe(401);
    expect(res.headers()["www-authenticate"]).toMatch(/^Bearer/);
    expect(res.headers()["cache-control"]).toBe("private, no-store");
    expect(((await res.json()) as { data?: unknown }).data).toBeUndefined();
  }
  // The document itself is public (it holds nothing but the API's shape).
  expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
  // Only reading: anything else is 405 before any key is looked at.
  expect((await request.post("/api/v1/stories", { data: "{}" })).status()).toBe(405);
  expect((await request.delete("/api/v1/stories/x")).status()).toBe(405);
});

test("a content key never reads a draft or an embargoed story — not by id, slug, list or search, nor from a cache a preview key filled", async ({
  request,
}) => {
  const t = randomBytes(3).toString("hex");
  const secret = await draft(`Secret draft ${t}`);
  const held = await draft(`Secret embargoed ${t}`);
  await sql(`UPDATE "Story" SET status = 'SCHEDULED', "scheduledAt" = now() + interval '3 days', "embargoUntil" = now() + interval '2 days' WHERE id = $1`, [
    held.id,
  ]);
  const [content, preview, embargoed] = await Promise.all([newApiKey("content"), newApiKey("preview"), newApiKey("embargoed")]);

  // The preview key reads the draft first (never kept: private, no-store)…
  const seen = await request.get(`/api/v1/stories/${secret.id}`, { headers: bearer(preview) });
  expect(seen.status()).toBe(200);
  expect(seen.headers()["cache-control"]).toBe("private, no-store");
  const etag = seen.headers()["etag"];
  // …and the content key still gets nothing, even sending the preview answer's ETag.
  for (const path of [`/api/v1/stories/${secret.id}`, `/api/v1/stories/${secret.slug}`, `/api/v1/stories/${held.id}`, `/api/v1/stories/${held.slug}`]) {
    const res = await request.get(path, { headers: { ...bearer(content), ...(etag ? { "If-None-Match": etag } : {}) } });
    expect(res.status(), path).toBe(404);
  }
  for (const path of [
    "/api/v1/stories?limit=100",
    `/api/v1/search?q=${t}`,
    "/api/v1/stories?status=draft",
    "/api/v1/stories?status=embargoed",
    "/api/v1/tags",
  ]) {
    const text = await (await request.get(path, { headers: bearer(content) })).text();
    expect(text, path).not.toContain(`Secret`);
  }
  // The preview key does not see the embargoed story before its time; the embargoed scope does, uncached.
  expect((await request.get(`/api/v1/stories/${held.id}`, { headers: bearer(preview) })).status()).toBe(404);
  const early = await request.get(`/api/v1/stories/${held.id}`, { headers: bearer(embargoed) });
  expect(early.status()).toBe(200);
  expect(early.headers()["cache-control"]).toBe("private, no-store");
  expect((await request.get(`/api/v1/stories/${secret.id}`, { headers: bearer(embargoed) })).status()).toBe(404);
});

test("a revoked key is refused at once, and one key's limit is not another's", async ({ request }) => {
  const slug = await publishedStory();
  const [a, b] = await Promise.all([newApiKey("content"), newApiKey("content")]);
  await freshMinute();
  expect((await request.get(`/api/v1/stories/${slug}`, { headers: bearer(a) })).status()).toBe(200);
  await sql(`UPDATE "ApiKey" SET "rateLimit" = 3 WHERE "secretHash" = encode(sha256($1::bytea), 'hex')`, [a]);
  const codes: number[] = [];
  for (let i = 0; i < 4; i++) codes.push((await request.get(`/api/v1/stories/${slug}`, { headers: bearer(a) })).status());
  expect(codes).toEqual([200, 200, 429, 429]);
  // A cached answer is not a way around the limit, and another key is not held back.
  expect((await request.get(`/api/v1/stories/${slug}`, { headers: bearer(b) })).status()).toBe(200);
  await sql(`UPDATE "ApiKey" SET "revokedAt" = now() WHERE "secretHash" = encode(sha256($1::bytea), 'hex')`, [b]);
  expect((await request.get(`/api/v1/stories/${slug}`, { headers: bearer(b) })).status()).toBe(401);
});

test("bad parameters and odd paths get a clear 4xx in JSON, never a stack trace or another story", async ({ request }) => {
  const key = await newApiKey("content");
  const cases: [string, number][] = [
    ["/api/v1/stories?limit=100000", 422],
    ["/api/v1/stories?limit=-1", 422],
    ["/api/v1/stories?cursor=" + "A".repeat(600), 422],
    ["/api/v1/stories?cursor=eyJhdCI6Ingi", 422],
    ["/api/v1/stories?updated_since=yesterday", 422],
    ["/api/v1/stories?section=a&section=b", 422],
    ["/api/v1/stories/..%2F..%2Fetc%2Fpasswd", 404],
    ["/api/v1/stories/%E0%A4%A", 404],
    ["/api/v1/stories/x/y", 404],
    ["/api/v1/users", 404],
    [`/api/v1/search?q=${encodeURIComponent('\'; DROP TABLE "Story"; --')}`, 200],
  ];
  for (const [path, status] of cases) {
    const res = await request.get(path, { headers: bearer(key) });
    expect(res.status(), path).toBe(status);
    expect(res.headers()["content-type"], path).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text, path).not.toMatch(/at \w+ \(|node_modules|prisma/i);
  }
});

test("share links: a guessed token gets the same 404 as a revoked one, never cached or indexed, and is no use", async ({ request }) => {
  const uses = async () => (await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "ShareLinkUse"`))[0]!.n;
  const before = await uses();
  for (const token of [randomBytes(32).toString("base64url"), "short", "A".repeat(43), "x%2F..%2F..%2Fetc%2Fpasswd"]) {
    const res = await request.get(`/share/${token}`);
    expect(res.status(), token).toBe(404);
    expect(res.headers()["cache-control"]).toBe("private, no-store");
    expect(res.headers()["x-robots-tag"]).toMatch(/noindex/);
    expect(await res.text()).toContain("This link no longer works");
  }
  // No refused opening is recorded as a use (nothing else in the security suite opens share links).
  expect(await uses()).toBe(before);
});

test("secrets are shown once: neither the keys page nor the webhooks page shows one again; non-admins see neither page", async ({ browser }) => {
  const key = await newApiKey("content");
  const admin = await (await browser.newContext({ baseURL: BASE, storageState: ADMIN_STATE })).newPage();
  await admin.goto("/newsroom/api-keys");
  await expect(admin.getByRole("heading", { name: "API keys" })).toBeVisible();
  const html = await admin.content();
  expect(html).toContain(key.slice(0, 9));
  expect(html).not.toContain(key);
  const hookUrl = `http://127.0.0.1:9/never-${randomBytes(3).toString("hex")}`;
  const made = await operatorCli("webhook", "create", "--url", hookUrl, "--events", "person.updated");
  const hookSecret = /(whsec_\S+)/.exec(made.stdout)![1]!;
  const hookId = /\(id (\w+)\)/.exec(made.stdout)![1]!;
  await admin.goto("/newsroom/webhooks");
  await expect(admin.getByRole("row", { name: hookUrl })).toBeVisible();
  expect(await admin.content()).not.toContain(hookSecret);
  expect(await admin.content()).not.toContain(hookSecret.slice("whsec_".length));

  const editor = await (await browser.newContext({ baseURL: BASE, storageState: EDITOR_STATE })).newPage();
  for (const path of ["/newsroom/api-keys", "/newsroom/webhooks"]) {
    await editor.goto(path);
    await expect(editor.getByText(/Only admins manage/)).toBeVisible();
    expect(await editor.content()).not.toContain(key.slice(0, 9));
  }
  await operatorCli("webhook", "delete", hookId);
});
