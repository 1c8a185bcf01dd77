/**
 * `npm run bench`: how fast the reader site is, measured, not asserted.
 *
 * 1. A fresh database (DATABASE_URL's server, else the tests' embedded one) seeded with
 *    BENCH_STORIES (default 10,000) stories with bylines, contributors and lead images,
 *    plus search-only stories up to BENCH_SEARCH_STORIES (default 100,000) in all.
 * 2. The production server (scripts/serve.ts: `next build` if needed, `next start`).
 * 3. autocannon against a story page, the front page, a section page, search, and a
 *    static file of the story page's size served by the same server (the baseline).
 * 4. Publish-to-visible latency, and the server's peak resident memory.
 * 5. A live story with 1,000 entries (scripts/bench-live.ts): its page, the update check,
 *    entry posted → told on 1,000 open streams and → visible on an open page in Chromium.
 * Prints a table; everything it made is removed at the end.
 *
 * Past 300 lines as one run of measurements on one server, in the order they must run
 * (Lighthouse on an idle machine first, the three processes last); what stands alone is
 * beside it: bench-seed.ts, bench-lighthouse.ts, bench-live.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { assertConfig, ConfigError } from "../lib/config/config";
import { loadEnvFiles } from "../lib/config/env-files";
import { stopChild } from "../lib/process/shutdown";
import { createMigratedTestDatabase, startTestServer } from "../testing/test-database";
import { SEARCH_QUERIES, seedBench } from "./bench-seed";
import { lighthousePages, type TLighthouseRow } from "./bench-lighthouse";
import { liveBench } from "./bench-live";

/** .env files first (as Next reads them): the BENCH_* settings and DATABASE_URL may be there. */
function benchSettings() {
  loadEnvFiles();
  try {
    return assertConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
const settings = benchSettings();
const STORIES = settings.BENCH_STORIES;
const SEARCH_STORIES = Math.max(STORIES, settings.BENCH_SEARCH_STORIES);
const SECONDS = settings.BENCH_SECONDS;
const CONNECTIONS = settings.BENCH_CONNECTIONS;
const WEBHOOK_RUNS = 20;
const PORT = settings.BENCH_PORT;
const BASE = `http://127.0.0.1:${PORT}`;
const SEARCH_RUNS = 100;
const MEDIA_DIR = path.join(".data", "test", "media-bench");
const RENDER_RUNS = 40;
const PUBLISH_RUNS = 10;

/** The resident memory (kB) of a process and all its descendants, from /proc. */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const visit = (pid: number) => {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return total;
}

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function load(name: string, url: string, connections = CONNECTIONS, headers: Record<string, string> = {}) {
  // Warm the route (first render, variant caches) before measuring.
  await fetch(url, { headers }).then((r) => r.arrayBuffer());
  const result = await autocannon({ url, connections, duration: SECONDS, headers });
  return {
    name,
    connections,
    url: url.replace(BASE, ""),
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    bytes: result.throughput.average / Math.max(1, result.requests.average),
  };
}

/** A key for the API rows, made as an operator would (its limit high enough not to be what is measured). */
async function benchApiKey(databaseUrl: string): Promise<string> {
  process.env.DATABASE_URL = databaseUrl;
  const { createApiKey } = await import("../lib/api-keys/keys");
  const { SYSTEM_ACTOR } = await import("../lib/auth/actor");
  const { secret } = await createApiKey({ actor: SYSTEM_ACTOR, data: { name: "bench", scopes: ["content"], rateLimit: 100_000 } });
  return secret;
}

/** The JavaScript a page makes the browser download: its script files, raw and gzipped. */
async function clientJs(url: string) {
  const html = await (await fetch(url)).text();
  // What a current browser runs: noModule scripts are polyfills only old browsers fetch.
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
  const srcs = tags.map((m) => new URL(m[1]!.replace(/&amp;/g, "&"), BASE).toString());
  let raw = 0;
  let gzipped = 0;
  for (const src of srcs) {
    const bytes = Buffer.from(await (await fetch(src)).arrayBuffer());
    raw += bytes.length;
    gzipped += gzipSync(bytes).length;
  }
  return { files: srcs.length, raw, gzipped };
}

/** Fetch a page's images once (every src and srcset candidate), so their variants are made. */
async function warmImages(url: string) {
  const html = await (await fetch(url)).text();
  const urls = new Set<string>();
  for (const m of html.matchAll(/<img[^>]*>/g)) {
    for (const [, src] of m[0].matchAll(/\ssrc="([^"]+)"/g)) urls.add(src!);
    for (const [, set] of m[0].matchAll(/\ssrcset="([^"]+)"/g)) for (const candidate of set!.split(",")) urls.add(candidate.trim().split(/\s+/)[0]!);
  }
  for (const src of urls) await (await fetch(new URL(src.replace(/&amp;/g, "&"), BASE))).arrayBuffer();
}

/** Publish or unpublish a bench story through the domain, as its editor (the domain records the change and its event). */
async function storyStepper(databaseUrl: string, editorId: string, storyId: string) {
  process.env.DATABASE_URL = databaseUrl;
  process.env.PORT = String(PORT);
  const { changeStoryState } = await import("../lib/stories/transitions");
  const { prisma } = await import("../lib/db/client");
  const actor = { kind: "user" as const, id: editorId, role: "EDITOR" as const, name: "Bench Editor", email: "bench@bench.invalid" };
  return async (action: "unpublish" | "publish") => {
    const { version } = await prisma.story.findUniqueOrThrow({ where: { id: storyId }, select: { version: true } });
    await changeStoryState({ actor, storyId, baseVersion: version, action });
  };
}

/**
 * Unpublish a story through the domain (its page then answers 404, and is cached so),
 * publish it again and time until its page answers 200.
 */
async function publishToVisible(databaseUrl: string, editorId: string): Promise<number> {
  const step = await storyStepper(databaseUrl, editorId, "bs7");
  const url = `${BASE}/stories/bench-story-7`;
  await step("unpublish");
  if ((await fetch(url)).status !== 404) throw new Error("The unpublished story still answers.");
  const t0 = performance.now();
  // The server hears the event (LISTEN/NOTIFY) and expires the pages.
  await step("publish");
  for (;;) {
    if ((await fetch(url)).ok) break;
    if (performance.now() - t0 > 120_000) throw new Error("The published story did not appear within two minutes.");
  }
  return performance.now() - t0;
}

/**
 * Publish → a signed story.published at a local receiver, WEBHOOK_RUNS times: the
 * outbox's event, the server's fan-out, its sender's POST. p50 and max.
 */
async function webhookLatency(databaseUrl: string, editorId: string) {
  const step = await storyStepper(databaseUrl, editorId, "bs8");
  const { startReceiver } = await import("../testing/webhook-receiver");
  const { createWebhook, deleteWebhook } = await import("../lib/webhooks/mutations");
  const { SYSTEM_ACTOR } = await import("../lib/auth/actor");
  process.env.NEWSROOM_WEBHOOK_ALLOW_PRIVATE = "on";
  const receiver = await startReceiver();
  const { webhook } = await createWebhook({ actor: SYSTEM_ACTOR, data: { url: receiver.url, events: ["story.published"] } });
  const times: number[] = [];
  try {
    for (let i = 0; i < WEBHOOK_RUNS; i++) {
      await step("unpublish");
      const before = receiver.received.length;
      const t0 = performance.now();
      await step("publish");
      await receiver.until(() => receiver.received.length > before, 10_000);
      times.push(performance.now() - t0);
    }
  } finally {
    await deleteWebhook({ actor: SYSTEM_ACTOR, webhookId: webhook.id });
    await receiver.close();
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
}

/** Wait until the server has applied every event up to `id` to its page cache (its health route says how far it got). */
async function applied(id: string) {
  const t0 = performance.now();
  for (;;) {
    const health = (await (await fetch(`${BASE}/api/health`)).json()) as { events?: { applied?: { pages?: string } } };
    if (BigInt(health.events?.applied?.pages ?? "0") >= BigInt(id)) return;
    if (performance.now() - t0 > 10_000) throw new Error(`The server has not applied event ${id} within 10 s.`);
  }
}

/**
 * The first render of a story page after a change: record an event for the
 * story (as a correction to it does, without the correction itself), wait until
 * the server has applied it, and time the next request, which renders the page
 * afresh; RENDER_RUNS times, one at a time.
 */
async function firstRender(databaseUrl: string, url: string, storyId: string) {
  process.env.DATABASE_URL = databaseUrl;
  const { recordChanges } = await import("../lib/changes");
  const { latestEventId } = await import("../lib/events/stream");
  const { prisma } = await import("../lib/db/client");
  const times: number[] = [];
  let rendered = 0;
  for (let i = 0; i < RENDER_RUNS; i++) {
    await prisma.$transaction((tx) => recordChanges(tx, [{ kind: "story-note", storyId }]));
    await applied(await latestEventId());
    const t0 = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    times.push(performance.now() - t0);
    if (response.headers.get("x-newsroom-cache") !== "HIT") rendered++;
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, max: times.at(-1)!, rendered };
}

/** Search through the domain function, one query at a time on an idle server: what a reader waits for the results. */
async function searchLatency(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  const { searchStories } = await import("../lib/stories/search");
  const rows = [];
  for (const { name, q } of SEARCH_QUERIES) {
    const result = await searchStories(q);
    for (let i = 0; i < 5; i++) await searchStories(q);
    const times: number[] = [];
    for (let i = 0; i < SEARCH_RUNS; i++) {
      const t0 = performance.now();
      await searchStories(q);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    rows.push({ name, q, hits: `${result.capped ? "more than " : ""}${result.total.toLocaleString("en")}`, p50: at(0.5), p99: at(0.99) });
  }
  return rows;
}

/**
 * Three processes of the same build behind haproxy, one Redis page cache (what
 * "Running at scale" describes), on this machine's two cores: the story page and
 * the static file through the balancer, and publish → visible through every
 * process (the domain's publish; each process hears the event and the next read
 * of each renders afresh), p50 and max over PUBLISH_RUNS.
 */
async function threeProcesses(databaseUrl: string, editorId: string, staticPath: string) {
  const { startRedis } = await import("../testing/redis");
  const { startCluster } = await import("../testing/cluster");
  const redis = await startRedis();
  const cluster = await startCluster({
    processes: 3,
    workDir: path.join(".data", "test", "bench-cluster"),
    env: {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(33).toString("base64"),
      REDIS_URL: redis.url,
      NEWSROOM_MEDIA_DIR: MEDIA_DIR,
      NEWSROOM_WEATHER: "off",
      NEWSROOM_SCHEDULER: "off",
    },
  });
  try {
    const rows: Awaited<ReturnType<typeof load>>[] = [];
    for (const connections of [CONNECTIONS, 2 * CONNECTIONS]) {
      rows.push({ ...(await load("static file (baseline)", `${cluster.url}${staticPath}`, connections)), url: staticPath });
      rows.push({ ...(await load("story page", `${cluster.url}/stories/bench-story-42`, connections)), url: "/stories/bench-story-42" });
    }
    process.env.DATABASE_URL = databaseUrl;
    const { changeStoryState } = await import("../lib/stories/transitions");
    const { prisma } = await import("../lib/db/client");
    const actor = { kind: "user" as const, id: editorId, role: "EDITOR" as const, name: "Bench Editor", email: "bench@bench.invalid" };
    const step = async (action: "unpublish" | "publish") => {
      const { version } = await prisma.story.findUniqueOrThrow({ where: { id: "bs7" }, select: { version: true } });
      await changeStoryState({ actor, storyId: "bs7", baseVersion: version, action });
    };
    const everywhere = async (status: number) => {
      const t0 = performance.now();
      const pending = new Set(cluster.processes.map((p) => `${p.url}/stories/bench-story-7`));
      while (pending.size) {
        for (const url of [...pending]) if ((await fetch(url)).status === status) pending.delete(url);
        if (performance.now() - t0 > 30_000) throw new Error(`bench-story-7 did not answer ${status} on every process within 30 s`);
      }
      return performance.now() - t0;
    };
    const visible: number[] = [];
    for (let i = 0; i < PUBLISH_RUNS; i++) {
      await step("unpublish");
      await everywhere(404);
      await step("publish");
      visible.push(await everywhere(200));
    }
    visible.sort((a, b) => a - b);
    return { rows, visible: { p50: visible[Math.floor(visible.length / 2)]!, max: visible.at(-1)! }, ports: cluster.processes.map((p) => p.port) };
  } finally {
    await cluster.stop();
    await redis.stop();
  }
}

async function main() {
  console.log(`[bench] seeding ${STORIES.toLocaleString("en")} stories (${SEARCH_STORIES.toLocaleString("en")} for search)…`);
  const server = await startTestServer();
  const db = await createMigratedTestDatabase(server.serverUrl, "bench");
  const staticFile = path.join("public", `bench-static-${randomBytes(3).toString("hex")}.html`);
  let app: ChildProcess | null = null;
  try {
    const seeded = await seedBench(db.url, { stories: STORIES, searchStories: SEARCH_STORIES, mediaDir: MEDIA_DIR });
    console.log(`[bench] seeded in ${seeded.seconds.toFixed(1)} s; starting the production server…`);
    // next start lists public/ when it starts: the file must exist by then (its content is set below).
    writeFileSync(staticFile, "<!doctype html>");
    app = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/serve.ts"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: String(PORT),
        AUTH_SECRET: randomBytes(33).toString("base64"),
        NEWSROOM_WEATHER: "off",
        NEWSROOM_MEDIA_DIR: MEDIA_DIR,
        // The webhook figure's receiver is on loopback.
        NEWSROOM_WEBHOOK_ALLOW_PRIVATE: "on",
      },
    });
    await waitFor(`${BASE}/api/health`, 600_000);
    let peakKb = treeRss(app.pid!);
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, treeRss(app!.pid!))), 200);

    const storyUrl = `${BASE}/stories/bench-story-42`;
    const storyHtml = await (await fetch(storyUrl)).text();
    writeFileSync(staticFile, "<!doctype html>" + "x".repeat(Math.max(0, Buffer.byteLength(storyHtml) - 15)));
    // Lighthouse first, on an idle machine (after the load tests the server's heap and
    // Chromium share two cores with their aftermath), on pages whose image variants
    // exist already, as a reader behind any cache finds them.
    for (const url of [storyUrl, `${BASE}/`, `${BASE}/sections/world`]) await warmImages(url);
    const lighthouse: TLighthouseRow[] = await lighthousePages([
      { name: "story page", url: storyUrl },
      { name: "front page", url: `${BASE}/` },
      { name: "section page", url: `${BASE}/sections/world` },
    ]);
    const rows: Awaited<ReturnType<typeof load>>[] = [];
    const staticUrl = `${BASE}/${path.basename(staticFile)}`;
    for (const connections of [CONNECTIONS, 2 * CONNECTIONS]) {
      rows.push(await load("static file (baseline)", staticUrl, connections));
      rows.push(await load("story page", storyUrl, connections));
    }
    // The delivery API next to the page: every request is authenticated and counted against its key (one
    // statement), then answered from the same cache as the pages.
    const auth = { Authorization: `Bearer ${await benchApiKey(db.url)}` };
    rows.push(await load("API: story list", `${BASE}/api/v1/stories`, CONNECTIONS, auth));
    rows.push(await load("API: one story (JSON)", `${BASE}/api/v1/stories/bench-story-42`, CONNECTIONS, auth));
    rows.push(await load("API: one story (ninjs)", `${BASE}/api/v1/stories/bench-story-42?format=ninjs`, CONNECTIONS, auth));
    rows.push(await load("front page", `${BASE}/`));
    rows.push(await load("section page", `${BASE}/sections/world`));
    rows.push(await load("search page (a quarter match)", `${BASE}/search?q=${encodeURIComponent(SEARCH_QUERIES[1].q)}`));
    const render = await firstRender(db.url, storyUrl, "bs42");

    // Publish-to-visible, the way the newsroom does it: the domain's publish writes its
    // event; the server hears it and expires the pages it names.
    const visibleMs = await publishToVisible(db.url, seeded.user);
    const hook = await webhookLatency(db.url, seeded.user);
    const searches = await searchLatency(db.url);
    const live = await liveBench(db.url, seeded.user, BASE);
    const js = await clientJs(storyUrl);
    clearInterval(sampler);
    // The one process stops before three start: two cores.
    await stopChild(app, 15_000);
    app = null;
    console.log("[bench] three processes behind haproxy, one Redis…");
    const three = await threeProcesses(db.url, seeded.user, `/${path.basename(staticFile)}`);

    const baseline = (connections: number) => rows.find((r) => r.name.startsWith("static") && r.connections === connections)!.rps;
    console.log("\n| page | path | connections | req/s | p50 ms | p99 ms | errors | bytes | vs static |");
    console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of rows)
      console.log(
        `| ${r.name} | ${r.url} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${Math.round(r.bytes)} | ${((r.rps / baseline(r.connections)) * 100).toFixed(1)}% |`,
      );
    console.log(
      `\nstory page HTML (20 paragraphs, the demo story's length): ${(Buffer.byteLength(storyHtml) / 1024).toFixed(1)} KB; first render after a change: p50 ${render.p50.toFixed(1)} ms, max ${render.max.toFixed(1)} ms (${render.rendered} of ${RENDER_RUNS} rendered afresh)`,
    );
    console.log("\n| Lighthouse (mobile) | performance (median of 3) | accessibility | best practices | SEO |");
    console.log("|---|---:|---:|---:|---:|");
    for (const r of lighthouse)
      console.log(
        `| ${r.name} | ${r.scores.performance} (runs: ${r.performanceRuns.join(", ")}) | ${r.scores.accessibility} | ${r.scores["best-practices"]} | ${r.scores.seo} |`,
      );
    for (const r of lighthouse) if (r.failing.length) console.log(`  ${r.name}, below 100: ${r.failing.join("; ")}`);
    console.log(`\n| search (${SEARCH_STORIES.toLocaleString("en")} stories, one at a time, ${SEARCH_RUNS} runs) | query | hits | p50 ms | p99 ms |`);
    console.log("|---|---|---:|---:|---:|");
    for (const r of searches) console.log(`| ${r.name} | ${r.q} | ${r.hits} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`);
    console.log(
      `\nlive story, ${live.entries.toLocaleString("en")} entries (first page: the newest 50, key events, pinned): ${live.htmlKb.toFixed(1)} KB; first render after an entry p50 ${live.render.p50.toFixed(1)} ms, max ${live.render.max.toFixed(1)} ms; cached, as open pages fetch it after news: ${live.cachedRps.toFixed(0)} req/s (10 conn., ${live.cachedErrors} errors)`,
    );
    console.log(
      `live update check: one server-sent-events stream per open page, silent between changes (a comment every 25 s); entry posted → told on ${live.streams.toLocaleString("en")} open streams: p50 ${live.told.p50.toFixed(0)} ms, max ${live.told.max.toFixed(0)} ms (${Math.round(live.streams / (live.told.max / 1000)).toLocaleString("en")} messages/s at the slowest); → visible on a reader's open page (Chromium): p50 ${live.visible.p50.toFixed(0)} ms, max ${live.visible.max.toFixed(0)} ms (20 entries)`,
    );
    console.log(`\npublish → visible on its page: ${visibleMs.toFixed(0)} ms (domain publish and its event, the server hearing it, first fresh render)`);
    console.log(
      `publish → signed webhook at a local receiver: p50 ${hook.p50.toFixed(0)} ms, max ${hook.max.toFixed(0)} ms over ${WEBHOOK_RUNS} (the event, the server's fan-out, its sender's POST)`,
    );
    console.log(`client JavaScript on a story page: ${js.files} files, ${(js.raw / 1024).toFixed(0)} KiB (${(js.gzipped / 1024).toFixed(0)} KiB gzipped)`);
    console.log(`peak resident memory of the server (all its processes): ${(peakKb / 1024).toFixed(0)} MiB`);
    const baseline3 = (connections: number) => three.rows.find((r) => r.name.startsWith("static") && r.connections === connections)!.rps;
    console.log(
      "\n| three processes behind haproxy (Redis cache) | path | connections | req/s | p50 ms | p99 ms | errors | vs static through haproxy | vs one process |",
    );
    console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of three.rows) {
      const one = rows.find((o) => o.name === r.name && o.connections === r.connections)!.rps;
      console.log(
        `| ${r.name} | ${r.url} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${((r.rps / baseline3(r.connections)) * 100).toFixed(1)}% | ${((r.rps / one) * 100).toFixed(1)}% |`,
      );
    }
    console.log(
      `publish → visible through all three processes (ports ${three.ports.join(", ")}): p50 ${three.visible.p50.toFixed(0)} ms, max ${three.visible.max.toFixed(0)} ms over ${PUBLISH_RUNS} publishes`,
    );
    console.log(
      `(${CONNECTIONS} connections, ${SECONDS} s per page, ${STORIES.toLocaleString("en")} full stories, ${SEARCH_STORIES.toLocaleString("en")} searchable)`,
    );
  } finally {
    rmSync(staticFile, { force: true });
    rmSync(MEDIA_DIR, { recursive: true, force: true });
    await stopChild(app, 15_000);
    if (settings.BENCH_KEEP) console.log(`[bench] kept the database: ${db.url}`);
    else await db.drop().catch((err) => console.error("[bench] could not drop", db.name, err));
    if (!settings.BENCH_KEEP) await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
