import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "../accounts";
import { cacheState } from "../helpers";
import { BASE, publishedStory } from "./kit";

/**
 * The server process's resident memory, read from /proc: the process that
 * listens on the e2e port (next-server, a grandchild of Playwright's web
 * server). Linux only, like the machines this suite runs on; nothing on the
 * site itself says how much memory it uses.
 */
function serverRssMb(): number {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[3] === "0A" && parseInt(cols[1]!.split(":").pop()!, 16) === E2E_PORT) inodes.add(cols[9]!);
    }
  }
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours
    }
    for (const fd of fds) {
      let target = "";
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = target.match(/^socket:\[(\d+)\]$/)?.[1];
      if (inode && inodes.has(inode)) {
        const kb = Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m)?.[1]);
        return kb / 1024;
      }
    }
  }
  throw new Error(`No process listening on port ${E2E_PORT} found in /proc.`);
}

/** `count` anonymous GETs of made-up story URLs, `concurrency` at a time; their statuses, tallied. */
async function flood(count: number, concurrency: number, deadline: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < count && Date.now() < deadline) {
      next++;
      const response = await fetch(`${BASE}/stories/no-such-story-${randomBytes(8).toString("hex")}`);
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

/**
 * Not-found renders before measuring: enough for the heap to reach its working
 * size. After the whole security suite the server's heap was still growing
 * through a 1,000-request warm-up (+213 MB, then +117 MB during the flood with
 * nothing retained); 3,000 leave the flood's figure to what it keeps.
 */
const WARM_UP = 3_000;
const FLOOD = 4_000;
const CONCURRENCY = 20;
/**
 * What the flood may add to the server's RSS once warm: less than the page
 * cache's whole budget (NEWSROOM_PAGE_CACHE_MB, 64). A cached "not found" for
 * each made-up URL (~40 KB each) would add far more.
 */
const MAX_GROWTH_MB = 64;
/** Served from the cache: HIT, or STALE once the page's 60 s safety net has passed (it is re-rendered behind the scenes). */
const FROM_CACHE = ["HIT", "STALE"];

test("a flood of made-up story URLs neither pushes a cached story out nor grows the server's memory without bound", async ({ request }) => {
  test.setTimeout(360_000);
  const slug = await publishedStory();
  // Past the publish's own settling expiries (lib/cache/refresh.ts), then read: the story is cached.
  await new Promise((r) => setTimeout(r, 6_000));
  await request.get(`/stories/${slug}`);
  expect(cacheState(await request.get(`/stories/${slug}`))).toBe("HIT");

  // Warm up first (the not-found renders, the heap's working size), so the figures below are the flood's.
  const start = serverRssMb();
  await flood(WARM_UP, CONCURRENCY, Date.now() + 120_000);
  const before = serverRssMb();
  const started = Date.now();
  const statuses = await flood(FLOOD, CONCURRENCY, started + 150_000);
  const seconds = (Date.now() - started) / 1000;
  const after = serverRssMb();
  const summary = `${[...statuses.values()].reduce((a, b) => a + b, 0)} requests in ${seconds.toFixed(1)} s (${JSON.stringify(Object.fromEntries(statuses))}); RSS ${start.toFixed(0)} MB at the start, ${before.toFixed(0)} MB after ${WARM_UP} to warm up, ${after.toFixed(0)} MB after the flood`;
  test.info().annotations.push({ type: "figures", description: summary });
  console.log(`[cache-flood] ${summary}`);

  expect(statuses.get(404), summary).toBe(FLOOD);
  // The story read before the flood is still served from the cache.
  expect(FROM_CACHE, summary).toContain(cacheState(await request.get(`/stories/${slug}`)));
  expect(after - before, summary).toBeLessThan(MAX_GROWTH_MB);
});
