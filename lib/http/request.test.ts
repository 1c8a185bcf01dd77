import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPeerAddress } from "./peer-address";
import { clientAddress, isSameOrigin, readBodyWithLimit } from "./request";

const post = (headers: Record<string, string>, body?: BodyInit) => new Request("http://localhost:3000/api/media", { method: "POST", headers, body, duplex: "half" } as RequestInit);

describe("isSameOrigin", () => {
  it("accepts our own Origin, or our Referer when there is no Origin", () => {
    expect(isSameOrigin(post({ origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOrigin(post({ referer: "http://localhost:3000/newsroom/media" }))).toBe(true);
  });
  it("refuses other sites, opaque origins and requests that name none", () => {
    expect(isSameOrigin(post({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "http://localhost:3000.evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ origin: "null" }))).toBe(false);
    expect(isSameOrigin(post({ referer: "https://evil.example/http://localhost:3000/" }))).toBe(false);
    expect(isSameOrigin(post({}))).toBe(false);
  });
});

describe("readBodyWithLimit", () => {
  it("reads a body within the limit", async () => {
    expect((await readBodyWithLimit(post({}, "hello"), 5, "too big")).toString()).toBe("hello");
  });
  it("refuses by Content-Length before reading, and while reading when the length was not declared", async () => {
    await expect(readBodyWithLimit(post({ "content-length": "999" }, "x"), 5, "too big")).rejects.toMatchObject({ code: "TOO_LARGE", message: "too big" });
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode("abc"));
        c.enqueue(new TextEncoder().encode("def"));
        c.close();
      },
    });
    await expect(readBodyWithLimit(post({}, stream), 5, "too big")).rejects.toMatchObject({ code: "TOO_LARGE" });
  });
  it("abandons a body that stops arriving, with TIMEOUT", async () => {
    const stalled = new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode("abc")) }); // never closed
    const started = Date.now();
    await expect(readBodyWithLimit(post({}, stalled), 100, "too big", 200)).rejects.toMatchObject({ code: "TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("clientAddress", () => {
  // A real HTTP server in this process, stamped as the app's is (instrumentation.ts), asked from a chosen loopback address.
  installPeerAddress();
  const seen: (string | null)[] = [];
  let trusted = 0;
  const server = http.createServer((req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    seen.push(clientAddress(headers, trusted));
    res.end();
  });
  beforeAll(() => new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r())));
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const ask = (from: string, headers: Record<string, string> = {}) =>
    new Promise<string | null>((resolve, reject) => {
      const { port } = server.address() as { port: number };
      http.get({ host: "127.0.0.1", port, localAddress: from, headers }, (res) => res.resume().on("end", () => resolve(seen.at(-1) ?? null))).on("error", reject);
    });

  it("with no trusted proxy, is the socket's address whatever the client claims", async () => {
    trusted = 0;
    expect(await ask("127.0.0.7")).toBe("127.0.0.7");
    expect(await ask("127.0.0.8", { "X-Forwarded-For": "198.51.100.1", "X-Real-IP": "198.51.100.2" })).toBe("127.0.0.8");
    expect(await ask("127.0.0.9", { "X-Newsroom-Peer": "forged 198.51.100.3" })).toBe("127.0.0.9");
  });

  it("behind N trusted proxies, is the entry the outermost appended; entries further left are the client's own and ignored", async () => {
    trusted = 1;
    expect(await ask("127.0.0.10", { "X-Forwarded-For": "198.51.100.4" })).toBe("198.51.100.4");
    expect(await ask("127.0.0.10", { "X-Forwarded-For": "6.6.6.6, 198.51.100.4" })).toBe("198.51.100.4");
    expect(await ask("127.0.0.10")).toBe("127.0.0.10"); // reached directly, past the proxy
    trusted = 2;
    expect(await ask("127.0.0.10", { "X-Forwarded-For": "6.6.6.6, 198.51.100.5, 10.0.0.2" })).toBe("198.51.100.5");
  });

  it("is unknown (null) for a request this process did not stamp, and never a client's header then", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.6" }), 0)).toBeNull();
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.6", "x-newsroom-peer": "guess 127.0.0.1" }), 0)).toBeNull();
  });
});
