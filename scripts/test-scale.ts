/**
 * `npm run test:scale` (issue 16, item 6): one newsroom on many processes.
 * PostgreSQL (embedded), Redis (Debian's redis-server), an S3-compatible server
 * (s3rver), three app processes from one build behind haproxy, all on loopback.
 *
 * Checks, printing what it measured:
 *  1. a publish through the balancer (so through any process) is visible through
 *     every process within 1 s: p50 and max over 20 publishes; an unpublish the same;
 *     and the breaking-news banner put up and taken down shows and goes on every page of every process within 1 s;
 *     and a live entry reaches an open update stream on every process, and every process's page, within 1 s;
 *  2. an image uploaded through one process is served by all (its variant made once, in S3);
 *  3. a scheduled story goes out exactly once, with three schedulers racing;
 *  4. kill -9 of one process under a bounded load: the others keep serving (non-2xx
 *     counted and printed), an editor's save retried after a failure succeeds, and
 *     every save the newsroom acknowledged is in the database;
 *  5. Redis restarted under load: pages keep being served, and invalidation resumes.
 *
 *   node --conditions=react-server --import tsx scripts/test-scale.ts
 *
 * One file past 300 lines on purpose: the steps are one sequence on one cluster, each
 * starting from what the one before left (the stories, the live story, the killed
 * process); the parts that stand alone are in testing/ (cluster, Redis, S3, ports).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import { startCluster, type TCluster } from "../testing/cluster";
import { startRedis, type TRedis } from "../testing/redis";
import { startS3, type TS3 } from "../testing/s3";
import { createMigratedTestDatabase, startTestServer } from "../testing/test-database";
import { buildIsCurrent } from "./build-inputs";

const PUBLISHES = 20;
const VISIBLE_WITHIN_MS = 1_000;
const WORK_DIR = path.resolve(".data", "test", "scale");

const say = (line: string) => console.log(`[scale] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A newsroom user over HTTP, as the browser is: the session cookie, and server actions by id. */
class Editor {
  cookie = "";
  constructor(
    private readonly base: string,
    private readonly actions: Record<string, string>,
  ) {}

  async signIn(email: string, password: string) {
    const response = await fetch(`${this.base}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.base },
      body: JSON.stringify({ email, password, next: "/newsroom" }),
    });
    if (!response.ok) throw new Error(`signing in failed: ${response.status} ${await response.text()}`);
    this.cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }

  /** Call a server action (as the editor's page does); its `{ ok, data | error }`. Throws when no answer came. */
  async call<T>(name: string, args: unknown[], base = this.base): Promise<{ ok: boolean; data?: T; error?: { message: string } }> {
    const response = await fetch(`${base}/newsroom`, {
      method: "POST",
      headers: {
        "next-action": this.actions[name]!,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: this.base,
        cookie: this.cookie,
      },
      body: JSON.stringify(args),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    for (const line of text.split("\n")) {
      try {
        const value = JSON.parse(line.replace(/^[0-9a-f]+:/, ""));
        if (value && typeof value === "object" && "ok" in value) return value;
      } catch {
        // not the result line
      }
    }
    throw new Error(`${name}: no result (HTTP ${response.status}) ${text.slice(0, 200)}`);
  }

  async upload(base: string, data: Buffer): Promise<string> {
    const response = await fetch(`${base}/api/media`, {
      method: "POST",
      headers: { origin: this.base, cookie: this.cookie, "x-filename": "scale.jpg", "content-type": "image/jpeg" },
      body: new Uint8Array(data),
    });
    if (!response.ok) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { media: { id: string } }).media.id;
  }
}

/** The build's server action ids by exported name (every process runs this one build). */
async function actionIds(): Promise<Record<string, string>> {
  const { readFileSync } = await import("node:fs");
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, v]) => [v.exportedName ?? id, id]));
}

/** Poll until `check` holds on every process; ms from `t0`. */
async function everywhere(cluster: TCluster, check: (base: string) => Promise<boolean>, t0: number, limitMs = 15_000): Promise<number> {
  const pending = new Set(cluster.processes.filter((p) => p.alive()).map((p) => p.url));
  while (pending.size) {
    await Promise.all(
      [...pending].map(async (base) => {
        if (await check(base).catch(() => false)) pending.delete(base);
      }),
    );
    if (performance.now() - t0 > limitMs) throw new Error(`not visible everywhere within ${limitMs} ms: ${[...pending].join(", ")}`);
    if (pending.size) await sleep(5);
  }
  return performance.now() - t0;
}

/** An open live page's update stream: the revisions it has been told. */
function revisionsOf(url: string) {
  const revisions: number[] = [];
  const req = http.get(url, { agent: false }, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      for (const m of chunk.matchAll(/^data: (\{.*\})$/gm)) revisions.push((JSON.parse(m[1]!) as { revision: number }).revision);
    });
  });
  req.on("error", () => {});
  return { revisions, close: () => req.destroy() };
}

const status = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status;
const body = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(5_000) })).text();

async function load(url: string, seconds: number, during: () => Promise<void>) {
  const run = autocannon({ url, connections: 8, duration: seconds, timeout: 10 });
  const [result] = await Promise.all([run, during()]);
  return { requests: result.requests.total, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts };
}

async function main() {
  if (!buildIsCurrent()) {
    say("building the app once (npm run build)…");
    const built = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    assert.equal(built.status, 0, "npm run build failed");
  }
  rmSync(WORK_DIR, { recursive: true, force: true });
  const pg = await startTestServer();
  const db = await createMigratedTestDatabase(pg.serverUrl, "scale");
  let redis: TRedis | null = null;
  let s3: TS3 | null = null;
  let cluster: TCluster | null = null;
  try {
    process.env.DATABASE_URL = db.url;
    process.env.NEWSROOM_SCHEDULER = "off";
    const { prisma } = await import("../lib/db/client");
    const { actorOf, makeReadyStory, makeUser } = await import("../testing/factories");
    const { changeStoryState } = await import("../lib/stories/transitions");
    const { makeJpeg } = await import("../testing/images");

    redis = await startRedis();
    s3 = await startS3(path.join(WORK_DIR, "s3"));
    say(`PostgreSQL, Redis (${redis.url}) and S3 (${s3.endpoint}) are up; starting three app processes and haproxy…`);
    cluster = await startCluster({
      processes: 3,
      workDir: WORK_DIR,
      env: {
        DATABASE_URL: db.url,
        AUTH_SECRET: randomBytes(33).toString("base64"),
        REDIS_URL: redis.url,
        ...s3.env,
        NEWSROOM_SCHEDULER_INTERVAL_MS: "500",
        NEWSROOM_WEATHER: "off",
      },
    });
    const lb = cluster.url;
    say(`balancer ${lb} → ${cluster.processes.map((p) => p.port).join(", ")}`);

    const user = await makeUser({ role: "EDITOR" });
    const actor = actorOf(user);
    const editor = new Editor(lb, await actionIds());
    await editor.signIn(user.email, user.password);

    // 1. Publish and unpublish through the balancer; visible through every process within 1 s.
    const stories = [];
    for (let i = 0; i < PUBLISHES; i++) {
      const headline = `Scale story ${i} ${randomBytes(3).toString("hex")}`;
      stories.push({ ...(await makeReadyStory(actor, headline)), headline });
    }
    const published: number[] = [];
    for (const story of stories) {
      const url = (base: string) => `${base}/stories/${story.slug}`;
      // Every process has the story's 404 and the front page without it cached (in Redis, for all).
      for (const p of cluster.processes) {
        assert.equal(await status(url(p.url)), 404);
        await body(`${p.url}/`);
      }
      const done = await editor.call<{ version: number }>("workflowAction", [{ storyId: story.id, baseVersion: story.version, action: "publish" }]);
      assert.ok(done.ok, `publish refused: ${done.error?.message}`);
      const t0 = performance.now();
      published.push(await everywhere(cluster, async (base) => (await status(url(base))) === 200 && (await body(`${base}/`)).includes(story.headline), t0));
    }
    const unpublished: number[] = [];
    for (const story of stories) {
      const { version } = await prisma.story.findUniqueOrThrow({ where: { id: story.id }, select: { version: true } });
      const done = await editor.call("workflowAction", [{ storyId: story.id, baseVersion: version, action: "unpublish" }]);
      assert.ok(done.ok, `unpublish refused: ${done.error?.message}`);
      const t0 = performance.now();
      unpublished.push(await everywhere(cluster, async (base) => (await status(`${base}/stories/${story.slug}`)) === 404, t0));
    }
    say(
      `publish → visible through all 3 processes (story page and front page), ${PUBLISHES} publishes: p50 ${median(published).toFixed(0)} ms, max ${Math.max(...published).toFixed(0)} ms`,
    );
    say(
      `unpublish → gone from all 3 processes, ${PUBLISHES} unpublishes: p50 ${median(unpublished).toFixed(0)} ms, max ${Math.max(...unpublished).toFixed(0)} ms`,
    );
    assert.ok(Math.max(...published) <= VISIBLE_WITHIN_MS, "a publish took longer than 1 s to reach every process");
    assert.ok(Math.max(...unpublished) <= VISIBLE_WITHIN_MS, "an unpublish took longer than 1 s to reach every process");

    // 1b. The breaking-news banner: up and down through every process within 1 s (its event expires every page).
    const { setBanner, clearBanner } = await import("../lib/banner/banner");
    const lead = stories[0]!;
    const pages = (base: string) => [`${base}/`, `${base}/sections/world`, `${base}/search`];
    for (const p of cluster.processes) for (const page of pages(p.url)) await body(page);
    const line = `Breaking: scale test ${randomBytes(3).toString("hex")}`;
    const upAt = performance.now();
    await setBanner({ actor, data: { text: line, url: `/stories/${lead.slug}` } });
    const bannerUp = await everywhere(cluster, async (base) => (await Promise.all(pages(base).map(body))).every((html) => html.includes(line)), upAt);
    const downAt = performance.now();
    await clearBanner({ actor });
    const bannerDown = await everywhere(cluster, async (base) => (await Promise.all(pages(base).map(body))).every((html) => !html.includes(line)), downAt);
    say(`breaking-news banner → on every page of all 3 processes in ${bannerUp.toFixed(0)} ms; taken down → gone in ${bannerDown.toFixed(0)} ms`);
    assert.ok(Math.max(bannerUp, bannerDown) <= VISIBLE_WITHIN_MS, "the banner took longer than 1 s to reach every process");

    // 1c. A live story: an entry posted is told to an open page's stream on every process, and every
    // process's page shows it, within 1 s (each process hears the event and tells its own streams).
    const { postLiveEntry, startLiveCoverage } = await import("../lib/live/mutations");
    const { version: leadVersion } = await prisma.story.findUniqueOrThrow({ where: { id: lead.id }, select: { version: true } });
    assert.ok((await editor.call("workflowAction", [{ storyId: lead.id, baseVersion: leadVersion, action: "publish" }])).ok, "republishing refused");
    await startLiveCoverage({ actor, storyId: lead.id });
    await everywhere(cluster, async (base) => (await status(`${base}/stories/${lead.slug}`)) === 200, performance.now());
    const heard = cluster.processes.map((p) => revisionsOf(`${p.url}/live-updates/${lead.id}`));
    await everywhere(cluster, async () => heard.every((h) => h.revisions.length > 0), performance.now());
    const liveTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const text = `Live entry ${i} ${randomBytes(3).toString("hex")}`;
      const before = heard.map((h) => h.revisions.length);
      const t0 = performance.now();
      await postLiveEntry({ actor, storyId: lead.id, data: { body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] } } });
      liveTimes.push(
        await everywhere(
          cluster,
          async (base) => heard.every((h, k) => h.revisions.length > before[k]!) && (await body(`${base}/stories/${lead.slug}`)).includes(text),
          t0,
        ),
      );
    }
    heard.forEach((h) => h.close());
    say(
      `live entry → told on an open stream of each of the 3 processes and on every process's page: p50 ${median(liveTimes).toFixed(0)} ms, max ${Math.max(...liveTimes).toFixed(0)} ms (5 entries)`,
    );
    assert.ok(Math.max(...liveTimes) <= VISIBLE_WITHIN_MS, "a live entry took longer than 1 s to reach every process");

    // 2. An image uploaded through one process is served by all.
    const [first, second, third] = cluster.processes;
    const mediaId = await editor.upload(first!.url, await makeJpeg(640, 420));
    const variant = `/api/media/${mediaId}/w640.webp`;
    const made = Buffer.from(await (await fetch(`${second!.url}${variant}`)).arrayBuffer());
    const again = await fetch(`${third!.url}${variant}`);
    assert.equal(again.status, 200);
    assert.ok(made.equals(Buffer.from(await again.arrayBuffer())), "two processes served different bytes for one variant");
    assert.ok(await s3.has(`variants/${mediaId}/w640.webp`), "the variant is not in the shared store");
    say(`an image uploaded through ${first!.name} is served by ${second!.name} and ${third!.name} (its variant made once, kept in S3: ${made.length} bytes)`);

    // 3. A scheduled story goes out exactly once, with three schedulers racing.
    const scheduled = await makeReadyStory(actor, `Scheduled ${randomBytes(3).toString("hex")}`);
    await changeStoryState({ actor, storyId: scheduled.id, baseVersion: scheduled.version, action: "schedule", at: new Date(Date.now() + 1_500) });
    const t0 = performance.now();
    await everywhere(cluster, async (base) => (await status(`${base}/stories/${scheduled.slug}`)) === 200, t0, 20_000);
    await sleep(1_500); // every scheduler has ticked again since
    const events = await prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "Event" WHERE subject = ${`story:${scheduled.id}`} AND type = 'story.published'`;
    const revisions = await prisma.storyRevision.count({ where: { storyId: scheduled.id, kind: "STATUS", status: "PUBLISHED" } });
    assert.equal(Number(events[0]!.n), 1, "the scheduled story was published more than once");
    assert.equal(revisions, 1);
    say("a scheduled story went out exactly once (one publish event, one revision) with three schedulers");

    // 4. kill -9 of one process under load.
    const headline = `Under load ${randomBytes(3).toString("hex")}`;
    const target = await makeReadyStory(actor, headline);
    const live = await changeStoryState({ actor, storyId: target.id, baseVersion: target.version, action: "publish" });
    let version = live.version;
    let acknowledged = "";
    let firstTryFailures = 0;
    const killed = await load(`${lb}/stories/${live.slug}`, 8, async () => {
      for (let i = 0; i < 12; i++) {
        if (i === 3) {
          cluster!.kill(1);
          say(`kill -9 ${cluster!.processes[1]!.name} (port ${cluster!.processes[1]!.port})`);
        }
        const text = `Saved under load, draft ${i}.`;
        const save = (base?: string) =>
          editor.call<{ version: number }>(
            "saveStoryAction",
            [
              {
                storyId: target.id,
                baseVersion: version,
                fields: { headline, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] } },
              },
            ],
            base,
          );
        // As the editor's autosave does: a save that got no answer is sent again. Right after the
        // kill, the first attempt goes where a browser's open connection would: the dead process.
        let result = await save(i === 3 ? cluster!.processes[1]!.url : undefined).catch(() => null);
        if (!result?.ok) {
          firstTryFailures++;
          await sleep(500);
          result = await save();
        }
        assert.ok(result.ok, `a retried save failed: ${result.error?.message}`);
        version = result.data!.version;
        acknowledged = text;
        await sleep(400);
      }
    });
    const stored = await prisma.story.findUniqueOrThrow({ where: { id: target.id }, select: { version: true, pending: true, body: true } });
    assert.equal(stored.version, version, "the database does not hold the last acknowledged save");
    assert.ok(JSON.stringify(stored.pending ?? stored.body).includes(acknowledged), "the last acknowledged save is not in the database");
    say(
      `kill -9 under load (8 connections, 8 s, through haproxy): ${killed.requests} requests, ${killed.non2xx} non-2xx, ${killed.errors} errors, ${killed.timeouts} timeouts; ` +
        `12 editor saves, ${firstTryFailures} needed a retry, all acknowledged saves in the database`,
    );
    assert.ok(firstTryFailures >= 1, "the save sent to the dead process did not fail");
    assert.ok(killed.non2xx + killed.errors <= killed.requests * 0.01, "more than 1% of requests failed while a process died");

    // 5. Redis restarted (empty) under load: pages keep coming; invalidation resumes.
    const restarted = await load(`${lb}/stories/${live.slug}`, 6, async () => {
      await sleep(1_500);
      await redis!.restart(1_000);
      say("Redis restarted (empty, after 1 s away)");
    });
    say(`Redis restart under load: ${restarted.requests} requests, ${restarted.non2xx} non-2xx, ${restarted.errors} errors`);
    assert.equal(restarted.non2xx + restarted.errors, 0, "pages failed while Redis was away");
    const afterRedis = await makeReadyStory(actor, `After Redis ${randomBytes(3).toString("hex")}`);
    for (const p of cluster.processes.filter((p) => p.alive())) assert.equal(await status(`${p.url}/stories/${afterRedis.slug}`), 404);
    const done = await editor.call("workflowAction", [{ storyId: afterRedis.id, baseVersion: afterRedis.version, action: "publish" }]);
    assert.ok(done.ok);
    const visibleAfter = await everywhere(cluster, async (base) => (await status(`${base}/stories/${afterRedis.slug}`)) === 200, performance.now());
    say(`after Redis came back: a publish visible through the surviving processes in ${visibleAfter.toFixed(0)} ms`);
    assert.ok(visibleAfter <= VISIBLE_WITHIN_MS);
    await prisma.$disconnect();
    say("passed");
  } finally {
    await cluster?.stop();
    await s3?.stop();
    await redis?.stop();
    await db.drop().catch(() => {});
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error("[scale] FAILED:", err);
    process.exit(1);
  },
);
