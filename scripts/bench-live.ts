/**
 * The live-coverage part of `npm run bench` (scripts/bench.ts runs it against
 * its one production server): a live story with LIVE_ENTRIES entries, then
 *
 *   - its page: size, first render after an entry, cached requests per second
 *     (what every open page fetches once after each change);
 *   - entry posted → told on LIVE_STREAMS open update streams (p50 / max);
 *   - entry posted → visible on a reader's open page in Chromium (p50 / max):
 *     the whole path, event, stream, the page fetching itself and merging.
 */
import http from "node:http";
import autocannon from "autocannon";

export const LIVE_ENTRIES = 1_000;
const LIVE_STREAMS = 1_000;
const LIVE_RUNS = 20;

type TBenchActor = { kind: "user"; id: string; role: "EDITOR"; name: string; email: string };

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const p50 = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => sorted(xs).at(-1)!;
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** Open `n` update streams on the story; each resolves `next()` when its next revision arrives. */
function openStreams(base: string, storyId: string, n: number) {
  const streams: { waiting: ((at: number) => void) | null; req: http.ClientRequest }[] = [];
  let ready = 0;
  const opened = new Promise<void>((resolve, reject) => {
    for (let i = 0; i < n; i++) {
      const stream: (typeof streams)[number] = { waiting: null, req: null as unknown as http.ClientRequest };
      // From many loopback addresses, as many readers would come.
      stream.req = http.get(`${base}/live-updates/${storyId}`, { agent: false, localAddress: `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}` }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        let first = true;
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (!chunk.includes("event: revision")) return;
          if (first) {
            first = false;
            if (++ready === n) resolve();
            return;
          }
          stream.waiting?.(performance.now());
          stream.waiting = null;
        });
      });
      stream.req.on("error", reject);
      streams.push(stream);
    }
  });
  return {
    opened,
    next: () => Promise.all(streams.map((s) => new Promise<number>((resolve) => (s.waiting = resolve)))),
    close: () => streams.forEach((s) => s.req.destroy()),
  };
}

export async function liveBench(databaseUrl: string, editorId: string, base: string) {
  process.env.DATABASE_URL = databaseUrl;
  const { prisma } = await import("../lib/db/client");
  const { postLiveEntry, startLiveCoverage } = await import("../lib/live/mutations");
  const actor: TBenchActor = { kind: "user", id: editorId, role: "EDITOR", name: "Bench Editor", email: "bench@bench.invalid" };
  const storyId = "bs9";
  const url = `${base}/stories/bench-story-9`;
  await startLiveCoverage({ actor, storyId });
  const t = Date.now() - LIVE_ENTRIES * 60_000;
  await prisma.liveEntry.createMany({
    data: Array.from({ length: LIVE_ENTRIES }, (_, i) => ({
      storyId,
      headline: i % 25 === 0 ? `Update ${i}` : null,
      keyEvent: i % 100 === 0,
      body: paragraph(`Entry ${i}: officials said the situation was developing and more would be known within the hour, as crews worked through the night.`),
      createdById: editorId,
      publishedAt: new Date(t + i * 60_000),
    })),
  });
  const post = (i: number) => postLiveEntry({ actor, storyId, data: { body: paragraph(`Bench entry ${i}`) } });

  // First render after an entry (the page holds the newest 50 of 1,000 and the key events), then cached.
  const renders: number[] = [];
  for (let i = 0; i < 10; i++) {
    await post(i);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = performance.now();
    await (await fetch(url)).arrayBuffer();
    renders.push(performance.now() - t0);
  }
  const html = await (await fetch(url)).text();
  // As an open page fetches it after news (its revision in the query, which the server's cache ignores).
  const cached = await autocannon({ url: `${url}?rev=1`, connections: 10, duration: 10, headers: { "Accept-Encoding": "gzip" } });

  // Entry → told on every open stream.
  const streams = openStreams(base, storyId, LIVE_STREAMS);
  await streams.opened;
  const toldP50: number[] = [];
  const toldMax: number[] = [];
  try {
    for (let i = 0; i < LIVE_RUNS; i++) {
      const heard = streams.next();
      const t0 = performance.now();
      await post(100 + i);
      const at = (await heard).map((x) => x - t0);
      toldP50.push(p50(at));
      toldMax.push(max(at));
    }
  } finally {
    streams.close();
  }

  // Entry → visible on an open page, in Chromium.
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const visible: number[] = [];
  try {
    const reader = await browser.newPage();
    await reader.goto(url);
    for (let i = 0; i < LIVE_RUNS; i++) {
      const text = `Visible entry ${i} ${Date.now()}`;
      const t0 = performance.now();
      await postLiveEntry({ actor, storyId, data: { body: paragraph(text) } });
      await reader.locator("#live-entries").getByText(text).waitFor({ timeout: 10_000 });
      visible.push(performance.now() - t0);
    }
  } finally {
    await browser.close();
  }
  await prisma.$disconnect();
  return {
    entries: LIVE_ENTRIES,
    htmlKb: Buffer.byteLength(html) / 1024,
    render: { p50: p50(renders), max: max(renders) },
    cachedRps: cached.requests.average,
    cachedErrors: cached.errors + cached.non2xx,
    streams: LIVE_STREAMS,
    told: { p50: p50(toldP50), max: max(toldMax) },
    visible: { p50: p50(visible), max: max(visible) },
  };
}
