import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import type { TConsumer } from "@/lib/events/stream";
import { clientAddress } from "@/lib/http/request";
import { BASE_HEADERS } from "@/lib/http/security-headers.cjs";
import { getPublicLiveRevision } from "./queries";

/**
 * Open live pages hear about new entries here: each holds one server-sent
 * events stream, GET /live-updates/<storyId>, from the process it reached. The
 * stream says the story's live revision when it opens and again whenever this
 * process hears a "story.live" event (lib/changes.ts) — after its page cache
 * has expired the story's pages, since consumers run in order — and nothing in
 * between but a comment every 25 s that keeps proxies from closing it. The page
 * then fetches itself (a cached page, or a 304) and merges the new entries in
 * (site/assets/live-updates.js). A reader costs an idle socket, not a request
 * every few seconds; every process hears every event, so it works the same
 * behind a balancer.
 */

/** Open streams per process; past this a new one is refused (the page still reads well, and its script tries again later). */
export const MAX_STREAMS = 20_000;
/** Open streams per client address: one client cannot take them all (generous: readers behind one NAT share an address). */
export const MAX_STREAMS_PER_CLIENT = 200;
const HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 3_000;

const streams = new Map<string, Set<ServerResponse>>();
const perClient = new Map<string, number>();
let open = 0;
let heartbeat: ReturnType<typeof setInterval> | null = null;

/** How many streams are open in this process (for /api/health and the bench). */
export const openLiveStreams = () => open;

function message(revision: number, ended: boolean) {
  return `event: revision\ndata: ${JSON.stringify({ revision, ended })}\n\n`;
}

function beat() {
  heartbeat ??= setInterval(() => {
    for (const set of streams.values()) for (const res of set) res.write(": \n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref?.();
}

/** Give back a stream's place (its process's and its client's). */
function release(client: string) {
  open--;
  const left = (perClient.get(client) ?? 1) - 1;
  if (left > 0) perClient.set(client, left);
  else perClient.delete(client);
  if (!open && heartbeat) {
    clearInterval(heartbeat);
    heartbeat = null;
  }
}

function drop(storyId: string, res: ServerResponse, client: string) {
  const set = streams.get(storyId);
  if (!set?.delete(res)) return;
  if (!set.size) streams.delete(storyId);
  release(client);
}

/** The story id in /live-updates/<id>, or null for any other address. */
export function liveUpdatesStory(url: string | undefined): string | null {
  const m = /^\/live-updates\/([a-z0-9]{1,64})(?:\?.*)?$/i.exec(url ?? "");
  return m ? m[1]! : null;
}

/** Open a stream for a public live story (404 for anything else, 503 when this process has enough). */
export async function serveLiveUpdates(storyId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const plain = (status: number, text: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { ...BASE_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers });
    res.end(text);
  };
  if (open >= MAX_STREAMS) return plain(503, "Too many open pages on this server; try again in a minute.", { "Retry-After": "60" });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const client = clientAddress(headers) ?? req.socket.remoteAddress ?? "unknown";
  if ((perClient.get(client) ?? 0) >= MAX_STREAMS_PER_CLIENT)
    return plain(429, "Too many open live pages from your address; close some and reload.", { "Retry-After": "60" });
  // The place is taken now, before the database is asked, so simultaneous opens cannot pass the limits together.
  open++;
  perClient.set(client, (perClient.get(client) ?? 0) + 1);
  let kept = false;
  try {
    let live: Awaited<ReturnType<typeof getPublicLiveRevision>>;
    try {
      live = await getPublicLiveRevision(storyId);
    } catch (err) {
      if (isDatabaseUnavailable(err)) return plain(503, "Updates are unavailable for a moment.", { "Retry-After": "10" });
      throw err;
    }
    if (!live) return plain(404, "No live coverage here.");
    // The page went away while we looked.
    if (req.destroyed || res.destroyed) return;
    res.writeHead(200, {
      ...BASE_HEADERS,
      "Content-Type": "text/event-stream; charset=utf-8",
      // Never kept by a cache, never buffered by a proxy (nginx reads X-Accel-Buffering).
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    });
    res.write(`retry: ${RETRY_MS}\n` + message(live.revision, live.ended));
    if (req.method === "HEAD" || live.ended) {
      res.end();
      return;
    }
    let set = streams.get(storyId);
    if (!set) streams.set(storyId, (set = new Set()));
    set.add(res);
    kept = true;
    beat();
    const close = () => drop(storyId, res, client);
    req.once("close", close);
    res.once("close", close);
  } finally {
    if (!kept) release(client);
  }
}

/** Tell every open page of a story its new revision (an ended story's streams are closed after). */
export function notifyLivePages(storyId: string, revision: number, ended: boolean) {
  const set = streams.get(storyId);
  if (!set) return;
  const text = message(revision, ended);
  for (const res of [...set]) {
    res.write(text);
    if (ended) res.end();
  }
}

/** The event-stream consumer: after the page cache (it runs first), tell the open pages. */
export function liveUpdatesConsumer(): TConsumer {
  return {
    name: "live-pages",
    async start() {
      return null;
    },
    async apply(events) {
      // The newest revision per story in this batch; a story that has ended says so (its pages stop listening).
      const latest = new Map<string, number>();
      for (const e of events) {
        if (e.type !== "story.live") continue;
        const { storyId, revision } = e.payload as { storyId: string; revision: number };
        latest.set(storyId, Math.max(revision, latest.get(storyId) ?? 0));
      }
      for (const [storyId, revision] of latest) {
        if (!streams.has(storyId)) continue;
        const now = await getPublicLiveRevision(storyId).catch(() => null);
        notifyLivePages(storyId, Math.max(revision, now?.revision ?? 0), now ? now.ended : false);
      }
    },
  };
}
