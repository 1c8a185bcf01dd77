import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys/keys";
import { flushApiKeyUsage } from "@/lib/api-keys/usage";
import { prisma } from "@/lib/db/client";
import { pageCacheConsumer } from "@/lib/events/page-cache";
import { startEventStream } from "@/lib/events/stream";
import { createStory } from "@/lib/stories/mutations";
import { changeStoryState, publishStory, setEmbargo, unpublishStory } from "@/lib/stories/transitions";
import { serveApi } from "@/server/api/serve";
import { actorOf, makeReadyStory, makeUser, paragraphDoc } from "@/testing/factories";
import { openApiChecker } from "@/testing/openapi-check";

/**
 * Issue 17, items 1–3, through a real HTTP server answering with the API's own
 * handler: keys (401 with a sentence, revoked keys, the per-minute limit with
 * Retry-After, use recorded), scopes (no draft without "preview", no embargoed
 * story before its time without "embargoed"), caching (ETag and 304, expired by
 * the outbox's events), and every answer checked against the OpenAPI document.
 */
const HOUR = 3_600_000;
const check = openApiChecker();
let base = "";
let server: http.Server;
let stream: { stop(): Promise<void> };

beforeAll(async () => {
  server = http.createServer((req, res) => void serveApi(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  stream = await startEventStream([pageCacheConsumer()]);
});
afterAll(async () => {
  await stream.stop();
  await new Promise((r) => server.close(r));
});

async function admin() {
  return actorOf(await makeUser({ role: "ADMIN" }));
}
async function key(scopes: ("content" | "preview" | "embargoed")[], rateLimit = 600) {
  const { key, secret } = await createApiKey({ actor: await admin(), data: { name: `test ${randomBytes(3).toString("hex")}`, scopes, rateLimit } });
  return { ...key, secret };
}
const get = (path: string, secret?: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { ...(secret ? { Authorization: `Bearer ${secret}` } : {}), ...headers } });

/** One published, one draft, one scheduled, one embargoed (scheduled for after its embargo), each with a unique headline. */
async function newsroom() {
  const editor = actorOf(await makeUser({ role: "EDITOR" }));
  const t = randomBytes(3).toString("hex");
  const ready = await makeReadyStory(editor, `Published ${t}`);
  const published = await publishStory({ actor: editor, storyId: ready.id, baseVersion: ready.version });
  const draft = await createStory({ actor: editor, data: { headline: `Draft ${t}`, body: paragraphDoc("Not yet.") } });
  const soon = await makeReadyStory(editor, `Scheduled ${t}`);
  const scheduled = await changeStoryState({
    actor: editor,
    storyId: soon.id,
    baseVersion: soon.version,
    action: "schedule",
    at: new Date(Date.now() + 24 * HOUR),
  });
  const held = await makeReadyStory(editor, `Embargoed ${t}`);
  const e1 = await setEmbargo({ actor: editor, storyId: held.id, baseVersion: held.version, until: new Date(Date.now() + 48 * HOUR) });
  const embargoed = await changeStoryState({
    actor: editor,
    storyId: held.id,
    baseVersion: e1.version,
    action: "schedule",
    at: new Date(Date.now() + 49 * HOUR),
  });
  return { editor, t, published, draft, scheduled, embargoed };
}

describe("keys", () => {
  it("without a key: 401 with a sentence that says how to get one, and the Bearer challenge", async () => {
    const res = await get("/stories");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("UNAUTHORIZED");
    expect(body.error.message).toMatch(/Authorization: Bearer/);
    expect(body.error.message).toMatch(/npm run api-key/);
    expect(check("/stories", 401, body)).toEqual([]);
    expect((await get("/stories", "nk_not-a-key-at-all")).status).toBe(401);
  });

  it("a key is stored as its hash only; a revoked key is refused at once", async () => {
    const k = await key(["content"]);
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: k.id } });
    expect(JSON.stringify(row)).not.toContain(k.secret);
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(k.secret.startsWith(row.prefix)).toBe(true);
    expect((await get("/sections", k.secret)).status).toBe(200);
    await revokeApiKey({ actor: await admin(), keyId: k.id });
    const res = await get("/sections", k.secret);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/revoked/);
  });

  it("only admins make keys; bad input is named field by field", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    await expect(createApiKey({ actor: editor, data: { name: "x", scopes: ["content"] } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createApiKey({ actor: await admin(), data: { name: " ", scopes: [], rateLimit: 0 } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { name: [expect.any(String)], scopes: [expect.any(String)], rateLimit: [expect.any(String)] },
    });
  });

  it("past its limit a key gets 429 with Retry-After, even when the requests arrive together; its use is recorded", async () => {
    const k = await key(["content"], 5);
    // Limits count per clock minute: start well inside one.
    const s = new Date().getSeconds();
    if (s > 55) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
    const answers = await Promise.all(Array.from({ length: 8 }, () => get("/sections", k.secret)));
    const codes = answers.map((a) => a.status).sort();
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = answers.find((a) => a.status === 429)!;
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/5 requests a minute/);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("ratelimit-limit")).toBe("5");
    const ok = answers.find((a) => a.status === 200)!;
    expect(ok.headers.get("ratelimit-limit")).toBe("5");
    // This process writes what it counted every quarter second; now, for the list.
    await flushApiKeyUsage();
    const listed = (await listApiKeys({ actor: await admin() })).find((l) => l.id === k.id)!;
    expect(listed.requestsToday).toBe(8);
    expect(listed.limitedToday).toBe(3);
    expect(listed.lastUsedAt).not.toBeNull();
  });
  it("the limit counts what other processes wrote to the database as well as this process's own, written or not", async () => {
    const k = await key(["content"], 10);
    const s = new Date().getSeconds();
    if (s > 55) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
    const remaining = async () => Number((await get("/sections", k.secret)).headers.get("ratelimit-remaining"));
    expect(await remaining()).toBe(9);
    expect(await remaining()).toBe(8);
    await flushApiKeyUsage();
    expect(await remaining()).toBe(7);
    // Another process served 4 requests with this key this minute and wrote them (its own row).
    await prisma.$executeRaw`
      INSERT INTO "ApiKeyUsage" ("keyId", minute, process, requests)
      VALUES (${k.id}, date_trunc('minute', now() AT TIME ZONE 'UTC'), 'another-process', 4)`;
    expect(await remaining()).toBe(2);
    await flushApiKeyUsage();
    expect(await remaining()).toBe(1);
    expect(await remaining()).toBe(0);
    expect((await get("/sections", k.secret)).status).toBe(429);
  });

  it("a write of this process's counts in flight while a request is judged neither hides nor doubles them", async () => {
    for (let round = 0; round < 5; round++) {
      const k = await key(["content"], 4);
      const s = new Date().getSeconds();
      if (s > 57) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
      // One request another process served and wrote.
      await prisma.$executeRaw`
        INSERT INTO "ApiKeyUsage" ("keyId", minute, process, requests)
        VALUES (${k.id}, date_trunc('minute', now() AT TIME ZONE 'UTC'), 'another-process', 1)`;
      await get("/sections", k.secret);
      await get("/sections", k.secret);
      // The write starts as the third request is read: however they interleave, it is the fourth of the minute.
      const [third] = await Promise.all([get("/sections", k.secret), flushApiKeyUsage()]);
      expect(third.headers.get("ratelimit-remaining")).toBe("0");
      const [fourth] = await Promise.all([get("/sections", k.secret), flushApiKeyUsage()]);
      expect(fourth.status).toBe(429);
    }
  });
});

describe("scopes", () => {
  it("a content key never sees a draft, a scheduled or an embargoed story: not in lists, not by id, not by slug", async () => {
    const { published, draft, scheduled, embargoed, t } = await newsroom();
    const k = await key(["content"]);
    const list = (await (await get(`/stories?limit=100`, k.secret)).json()) as { data: { id: string; headline: string }[] };
    expect(list.data.map((s) => s.id)).toContain(published.id);
    expect(JSON.stringify(list)).not.toMatch(new RegExp(`(Draft|Scheduled|Embargoed) ${t}`));
    for (const s of [draft, scheduled, embargoed]) {
      expect((await get(`/stories/${s.id}`, k.secret)).status).toBe(404);
      expect((await get(`/stories/${s.slug}`, k.secret)).status).toBe(404);
    }
    expect((await get(`/stories?status=draft`, k.secret)).status).toBe(403);
    expect((await get(`/stories?status=embargoed`, k.secret)).status).toBe(403);
    const search = await (await get(`/search?q=${t}`, k.secret)).json();
    expect(JSON.stringify(search)).not.toMatch(new RegExp(`(Draft|Scheduled|Embargoed) ${t}`));
  });

  it("the preview scope shows drafts and scheduled stories, never cached — but not an embargoed one before its time", async () => {
    const { draft, scheduled, embargoed } = await newsroom();
    const k = await key(["preview"]);
    const res = await get(`/stories/${draft.id}`, k.secret);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect((await get(`/stories/${scheduled.id}`, k.secret)).status).toBe(200);
    expect((await get(`/stories/${embargoed.id}`, k.secret)).status).toBe(404);
    const drafts = (await (await get(`/stories?status=draft&limit=100`, k.secret)).json()) as { data: { id: string }[] };
    expect(drafts.data.map((s) => s.id)).toContain(draft.id);
  });

  it("the embargoed scope shows an embargoed story before its time, and lists it", async () => {
    const { embargoed, draft } = await newsroom();
    const k = await key(["embargoed"]);
    const res = await get(`/stories/${embargoed.id}`, k.secret);
    expect(res.status).toBe(200);
    const story = (await res.json()) as { embargoUntil: string };
    expect(new Date(story.embargoUntil).getTime()).toBeGreaterThan(Date.now());
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const list = (await (await get(`/stories?status=embargoed&limit=100`, k.secret)).json()) as { data: { id: string }[] };
    expect(list.data.map((s) => s.id)).toContain(embargoed.id);
    expect((await get(`/stories/${draft.id}`, k.secret)).status).toBe(404);
  });
});

describe("answers", () => {
  it("every endpoint's answer matches the OpenAPI document; ninjs on request", async () => {
    const { published, t } = await newsroom();
    const person = await prisma.storyCredit.findFirstOrThrow({ where: { storyId: published.id }, select: { person: { select: { id: true, slug: true } } } });
    const k = await key(["content"]);
    const cases: [string, string, number][] = [
      ["/stories", "/stories", 200],
      ["/stories?limit=1", "/stories", 200],
      [`/stories/${published.id}`, "/stories/{idOrSlug}", 200],
      [`/stories/${published.slug}`, "/stories/{idOrSlug}", 200],
      ["/stories/no-such-story", "/stories/{idOrSlug}", 404],
      ["/sections", "/sections", 200],
      ["/tags", "/tags", 200],
      ["/people", "/people", 200],
      [`/people/${person.person.slug}`, "/people/{idOrSlug}", 200],
      ["/search?q=words", "/search", 200],
      ["/stories?limit=500", "/stories", 422],
      ["/stories?colour=red", "/stories", 422],
    ];
    for (const [path, template, status] of cases) {
      const res = await get(path, k.secret);
      expect(res.status, path).toBe(status);
      expect(check(template, status, await res.json()), path).toEqual([]);
    }
    const ninjs = await get(`/stories/${published.id}`, k.secret, { Accept: "application/ninjs+json" });
    expect(ninjs.headers.get("content-type")).toMatch(/^application\/ninjs\+json/);
    const doc = (await ninjs.json()) as { uri: string; headlines: { value: string }[] };
    expect(check("/stories/{idOrSlug}", 200, doc, "application/ninjs+json")).toEqual([]);
    expect(doc.headlines[0]!.value).toBe(`Published ${t}`);
    expect((await get(`/stories/${published.id}?format=ninjs`, k.secret)).headers.get("content-type")).toMatch(/ninjs/);
  });

  it("pages by cursor without repeating or skipping a story", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const tag = `paging-${randomBytes(3).toString("hex")}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const ready = await makeReadyStory(editor, `Paging ${tag} ${i}`, { tags: [tag] });
      ids.push((await publishStory({ actor: editor, storyId: ready.id, baseVersion: ready.version })).id);
    }
    const k = await key(["content"]);
    const walked: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const page = (await (await get(`/stories?tag=${tag}&limit=2${next ? `&cursor=${next}` : ""}`, k.secret)).json()) as {
        data: { id: string }[];
        next: string | null;
      };
      walked.push(...page.data.map((s) => s.id));
      next = page.next;
      pages++;
    } while (next && pages < 10);
    // Newest published first, each once, over three pages.
    expect(walked).toEqual([...ids].reverse());
    expect(pages).toBe(3);
    const bad = await get("/stories?cursor=nonsense", k.secret);
    expect(bad.status).toBe(422);
  });

  it("published content is cached with an ETag (304) and expired by the story's own event", async () => {
    const { published, editor } = await newsroom();
    const k = await key(["content"]);
    const first = await get(`/stories/${published.id}`, k.secret);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toMatch(/s-maxage=\d+/);
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    const again = await get(`/stories/${published.id}`, k.secret);
    expect(again.headers.get("x-newsroom-cache")).toBe("HIT");
    expect((await get(`/stories/${published.id}`, k.secret, { "If-None-Match": etag })).status).toBe(304);

    await unpublishStory({ actor: editor, storyId: published.id, baseVersion: published.version });
    // The outbox's event reaches this process's cache through the event stream.
    const t0 = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - t0 < 10_000) {
      status = (await get(`/stories/${published.id}`, k.secret)).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe(404);
  });
});
