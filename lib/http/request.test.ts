import { describe, expect, it } from "vitest";
import { isSameOrigin, readBodyWithLimit } from "./request";

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
});
