import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import type { TEvent } from "@/lib/events/stream";
import { clientAddress } from "@/lib/http/request";
import { BASE_HEADERS } from "@/lib/http/security-headers.cjs";
import { getPublicLiveRevision } from "./queries";

/**
 * Open live pages hear about new entries here: each holds one server-sent
 * events stream, GET /live-updates/<storyId>, from the process it reached. The
 * stream says the story's live revision when it opens and again whenever this
 * process hears a "story.live" event (lib/changes.ts) — after its page cache
 * has expired the story's pages (`tellLivePages`) — and nothing in
 * between but a comment every 25 s that keeps proxies from closing it. The page
 * then fetches itself (from the page cache) and merges the new entries in
 * (site/assets/live-updates.js). A reader costs an idle socket, not a request
 * every few seconds; every process hears every event, so it works the same
 * behind a balancer.
 */

/** Open streams per process; past this a new one is refused (the page still reads whole; its script asks again in a minute or so). */
export const MAX_STREAMS = 20_000;
/**
 * Open streams per client address, so one client cannot take them all. Generous (readers behind
 * one NAT share an address); behind a proxy it needs NEWSROOM_TRUSTED_PROXIES set, or every
 * reader has the proxy's address (said once in the log when it is reached).
 */
export const MAX_STREAMS_PER_CLIENT = 1_000;
const HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 3_000;

/** Per story, its open streams and the client address each counts against. */
const streams = new Map<string, Map<ServerResponse, string>>();
const perClient = new Map<string, number>();
let warned = false;
let open = 0;
let heartbeat: ReturnType<typeof setInterval> | null = null;

/** How many streams are open in this process (for /api/health and the bench). */
export const openLiveStreams = () => open;

function message(revision: number, ended: boolean) {
  return `event: revision\ndata: ${JSON.stringify({ revision, ended })}\n\n`;
}

function beat() {
  heartbeat ??= setInterval(() => {
    for (const set of streams.values()) for (const res of set.keys()) if (!res.writableEnded && !res.destroyed) res.write(": \n\n");
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

function drop(storyId: string, res: ServerResponse) {
  const set = streams.get(storyId);
  const client = set?.get(res);
  if (client === undefined) return;
  set!.delete(res);
  if (!set!.size) streams.delete(storyId);
  release(client);
}

/** End one stream and give its place back at once (no write can follow the end). */
function finish(storyId: string, res: ServerResponse, last?: string) {
  drop(storyId, res);
  if (!res.writableEnded) res.end(last);
}

/** End every open stream (shutdown: the server can close; browsers reconnect elsewhere within seconds). */
export function closeLiveStreams() {
  for (const [storyId, set] of [...streams]) for (const res of [...set.keys()]) finish(storyId, res);
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
  if ((perClient.get(client) ?? 0) >= MAX_STREAMS_PER_CLIENT) {
    if (!warned) {
      warned = true;
      console.warn(
        `[live] ${client} holds ${MAX_STREAMS_PER_CLIENT} live-update streams; refusing more. Behind a proxy, set NEWSROOM_TRUSTED_PROXIES or every reader has its address.`,
      );
    }
    return plain(429, "Too many open live pages from your address; close some and reload.", { "Retry-After": "60" });
  }
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
    if (!set) streams.set(storyId, (set = new Map()));
    set.set(res, client);
    kept = true;
    beat();
    const close = () => drop(storyId, res);
    req.once("close", close);
    res.once("close", close);
    // A reader gone mid-write: the socket's error is this stream's end, nothing more.
    res.on("error", close);
  } finally {
    if (!kept) release(client);
  }
}

/** Tell every open page of a story its new revision (an ended story's streams are closed after). */
export function notifyLivePages(storyId: string, revision: number, ended: boolean) {
  const set = streams.get(storyId);
  if (!set) return;
  const text = message(revision, ended);
  for (const res of [...set.keys()]) {
    if (ended) finish(storyId, res, text);
    else if (!res.writableEnded && !res.destroyed) res.write(text);
  }
}

/**
 * Tell the open pages of the stories these events changed. The page cache's consumer calls it
 * once it has expired those pages (lib/events/page-cache.ts; main.ts wires it), so a page is
 * never told of a change its fetch would not see yet; while the page cache is behind (its
 * store away) the events wait with it.
 */
export async function tellLivePages(events: TEvent[]): Promise<void> {
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
}
