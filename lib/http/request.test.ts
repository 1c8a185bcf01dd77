import http from "node:http";
import { hostname, networkInterfaces } from "node:os";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { installPeerAddress } from "./peer-address";
import { clientAddress, crossSiteReason, isSameOrigin, readBodyWithLimit } from "./request";

const post = (headers: Record<string, string>, body?: BodyInit) =>
  new Request("http://localhost:3000/api/media", { method: "POST", headers, body, duplex: "half" } as RequestInit);

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

describe("isSameOrigin without SITE_URL: the machine's own addresses on the port it listens on", () => {
  // Next's request.url always says http://localhost:<port>, whatever the browser typed; the Host header says what it typed.
  const typed = (host: string, origin = `http://${host}`) => new Request("http://localhost:3000/api/session", { method: "POST", headers: { host, origin } });
  beforeEach(() => vi.stubEnv("SITE_URL", ""));
  afterEach(() => vi.unstubAllEnvs());

  it("accepts a page opened at 127.0.0.1, [::1], another loopback, *.localhost or the machine's name", () => {
    for (const host of ["127.0.0.1:3000", "[::1]:3000", "127.0.0.2:3000", "newsroom.localhost:3000", `${hostname()}:3000`, "LOCALHOST:3000"]) {
      expect(crossSiteReason(typed(host)), host).toBeNull();
    }
  });
  it("accepts the machine's own interface addresses", () => {
    const own = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4")!;
    expect(isSameOrigin(typed(`${own.address}:3000`))).toBe(true);
  });
  it("refuses a DNS-rebinding page (a name that is not this machine's), with the fix in the message", () => {
    expect(crossSiteReason(typed("evil.example:3000"))).toMatch(/opened at http:\/\/evil\.example:3000.*Set SITE_URL/);
  });
  it("refuses an Origin other than the Host, and a loopback address on another port", () => {
    expect(isSameOrigin(typed("127.0.0.1:3000", "http://127.0.0.1:5173"))).toBe(false);
    expect(isSameOrigin(typed("127.0.0.1:3000", "https://evil.example"))).toBe(false);
    expect(isSameOrigin(typed("127.0.0.1:8080"))).toBe(false);
    expect(isSameOrigin(typed("127.0.0.1"))).toBe(false);
    expect(crossSiteReason(typed("127.0.0.1:3000", "null"))).toBe("Refused: this request did not come from this site's own pages.");
  });
});

describe("isSameOrigin with SITE_URL: that address only", () => {
  const from = (origin: string, host = new URL(origin).host) => new Request("http://localhost:3000/api/session", { method: "POST", headers: { host, origin } });
  beforeEach(() => vi.stubEnv("SITE_URL", "https://news.example/"));
  afterEach(() => vi.unstubAllEnvs());

  it("accepts SITE_URL's origin", () => {
    expect(crossSiteReason(from("https://news.example", "127.0.0.1:3000"))).toBeNull();
  });
  it("tells a page opened elsewhere both addresses and the fix", () => {
    expect(crossSiteReason(from("http://127.0.0.1:3000"))).toBe(
      "This newsroom's address is https://news.example (SITE_URL), but this page was opened at http://127.0.0.1:3000. Open https://news.example/login, or set SITE_URL to the address you use.",
    );
    expect(isSameOrigin(from("http://localhost:3000"))).toBe(false);
    expect(isSameOrigin(from("http://news.example"))).toBe(false);
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
      http
        .get({ host: "127.0.0.1", port, localAddress: from, headers }, (res) => res.resume().on("end", () => resolve(seen.at(-1) ?? null)))
        .on("error", reject);
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
