import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { TEvent } from "@/lib/events/stream";
import { createStory } from "@/lib/stories/mutations";
import { publishStory } from "@/lib/stories/transitions";
import { actorOf, makeReadyStory, makeUser, paragraphDoc } from "@/testing/factories";
import { postLiveEntry, setLiveCoverageEnded, startLiveCoverage } from "./mutations";
import { closeLiveStreams, liveUpdatesStory, MAX_STREAMS_PER_CLIENT, openLiveStreams, serveLiveUpdates, tellLivePages } from "./updates";

/** Issue 18: the update streams open live pages hold — what they say, when, to whom, and their limits. */

let server: http.Server;
let base = "";
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const id = liveUpdatesStory(req.url);
    if (id) void serveLiveUpdates(id, req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A stream's messages as they come; `status` once it answered. */
function listen(storyId: string, localAddress = "127.0.0.1") {
  const messages: { revision: number; ended: boolean }[] = [];
  let status = 0;
  let ended = false;
  const req = http.get(`${base}/live-updates/${storyId}`, { agent: false, localAddress }, (res) => {
    status = res.statusCode ?? 0;
    res.setEncoding("utf8");
    let buffer = "";
    res.on("data", (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf("\n\n"); i >= 0; i = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (/^event: revision$/m.test(block) && data) messages.push(JSON.parse(data));
      }
    });
    res.on("end", () => (ended = true));
  });
  req.on("error", () => {});
  return { messages, status: () => status, ended: () => ended, close: () => req.destroy() };
}

const until = async (check: () => boolean, what: string) => {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > 5_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

async function eventsFor(storyId: string): Promise<TEvent[]> {
  const rows = await prisma.event.findMany({ where: { subject: `story:${storyId}`, type: "story.live" }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

describe("live update streams", () => {
  it("say the revision on opening and after each change the consumer hears; an ended coverage says so and closes", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const ready = await makeReadyStory(editor, `Streams ${Date.now()}`);
    await publishStory({ actor: editor, storyId: ready.id, baseVersion: ready.version });
    await startLiveCoverage({ actor: editor, storyId: ready.id });
    const a = listen(ready.id);
    const b = listen(ready.id);
    await until(() => a.messages.length === 1 && b.messages.length === 1, "the first message");
    expect(a.status()).toBe(200);
    expect(a.messages[0]).toEqual({ revision: 1, ended: false });

    await postLiveEntry({ actor: editor, storyId: ready.id, data: { body: paragraphDoc("First") } });
    await tellLivePages(await eventsFor(ready.id));
    await until(() => a.messages.length === 2 && b.messages.length === 2, "the entry's revision");
    expect(a.messages[1]).toEqual({ revision: 2, ended: false });

    await setLiveCoverageEnded({ actor: editor, storyId: ready.id, ended: true });
    await tellLivePages(await eventsFor(ready.id));
    await until(() => a.ended() && b.ended(), "the streams to close");
    expect(a.messages.at(-1)).toEqual({ revision: 3, ended: true });
    await until(() => openLiveStreams() === 0, "the places to be given back");
  });

  it("answer 404 for a draft's coverage, a story that is not live, and an address that is not an id", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const draft = await createStory({ actor: editor, data: { headline: `Draft ${Date.now()}`, body: paragraphDoc("x") } });
    await startLiveCoverage({ actor: editor, storyId: draft.id });
    const notLive = await makeReadyStory(editor, `Not live ${Date.now()}`);
    for (const id of [draft.id, notLive.id, "nosuchstory"]) {
      const s = listen(id);
      await until(() => s.status() !== 0, "an answer");
      expect(s.status(), id).toBe(404);
    }
    expect(liveUpdatesStory("/live-updates/../../etc")).toBeNull();
    expect(liveUpdatesStory("/live-updates/abc?x=1")).toBe("abc");
    expect(openLiveStreams()).toBe(0);
  });

  it("one client address holds at most its share of streams; others still get theirs", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const ready = await makeReadyStory(editor, `Crowd ${Date.now()}`);
    await publishStory({ actor: editor, storyId: ready.id, baseVersion: ready.version });
    await startLiveCoverage({ actor: editor, storyId: ready.id });
    const crowd = Array.from({ length: MAX_STREAMS_PER_CLIENT }, () => listen(ready.id, "127.0.0.2"));
    await until(() => crowd.every((s) => s.status() === 200), "the crowd's streams");
    const one = listen(ready.id, "127.0.0.2");
    await until(() => one.status() !== 0, "the extra stream's answer");
    expect(one.status()).toBe(429);
    const other = listen(ready.id, "127.0.0.3");
    await until(() => other.status() !== 0, "another client's answer");
    expect(other.status()).toBe(200);
    [...crowd, other].forEach((s) => s.close());
    await until(() => openLiveStreams() === 0, "the places to be given back");
  });

  it("are all ended at shutdown, so the server can close", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const ready = await makeReadyStory(editor, `Shutdown ${Date.now()}`);
    await publishStory({ actor: editor, storyId: ready.id, baseVersion: ready.version });
    await startLiveCoverage({ actor: editor, storyId: ready.id });
    const pages = [listen(ready.id), listen(ready.id)];
    await until(() => pages.every((p) => p.messages.length === 1), "the streams to open");
    closeLiveStreams();
    await until(() => pages.every((p) => p.ended()), "the streams to end");
    expect(openLiveStreams()).toBe(0);
  });
});
