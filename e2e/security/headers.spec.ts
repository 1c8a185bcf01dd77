import { expect, test, type APIResponse } from "@playwright/test";
import { callAction, newAccount, publishedStory, signedIn, uploadImage } from "./kit";

function expectBaseHeaders(response: APIResponse, what: string) {
  const h = response.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], what).toMatch(/camera=\(\)/);
  // HSTS only outside localhost (these tests run on localhost; see the next test for another host).
  expect(h["strict-transport-security"], what).toBeUndefined();
}

function cspOf(response: APIResponse): Map<string, string> {
  const csp = response.headers()["content-security-policy"] ?? "";
  return new Map(
    csp.split(";").map(
      (d) =>
        d
          .trim()
          .split(/\s+(.*)/s)
          .slice(0, 2) as [string, string],
    ),
  );
}

test("a public page: fixed CSP with no script at all, cacheable, no cookie", async ({ request }) => {
  const response = await request.get("/");
  expectBaseHeaders(response, "front page");
  const csp = cspOf(response);
  expect(csp.get("script-src")).toBe("'none'");
  expect(csp.get("object-src")).toBe("'none'");
  expect(csp.get("base-uri")).toBe("'none'");
  expect(csp.get("frame-ancestors")).toBe("'none'");
  expect(response.headers()["cache-control"]).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
  expect(response.headers()["set-cookie"]).toBeUndefined();
});

test("a story page: plain HTML with no script but its JSON-LD, script-src 'none', cacheable, an ETag that answers 304, gzip", async ({ request, page }) => {
  const slug = await publishedStory();
  const response = await request.get(`/stories/${slug}`);
  expect(response.status()).toBe(200);
  expectBaseHeaders(response, "story page");
  const csp = cspOf(response);
  expect(csp.get("script-src")).toBe("'none'");
  expect(csp.get("style-src")).toBe("'self'");
  expect(response.headers()["cache-control"]).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  const html = await response.text();
  // No framework runtime, no flight data: the one script element is the structured data, which browsers never run.
  expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="application/ld+json">']);
  expect(html).not.toContain("__next");
  expect(html).not.toMatch(/<link[^>]+(modulepreload|as="script")/);

  const etag = response.headers()["etag"]!;
  expect((await request.get(`/stories/${slug}`, { headers: { "If-None-Match": etag } })).status()).toBe(304);
  const gzipped = await request.fetch(`/stories/${slug}`, { headers: { "Accept-Encoding": "gzip" } });
  expect(gzipped.headers()["content-encoding"]).toBe("gzip");
  const head = await request.head(`/stories/${slug}`);
  expect(head.status()).toBe(200);
  expect(await head.text()).toBe("");

  // In a browser: nothing blocked, nothing failed.
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`/stories/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tide tables");
  expect(problems).toEqual([]);
});

test("a newsroom page: a fresh nonce per request on Next's scripts, and no-store", async () => {
  const editor = await signedIn(await newAccount("EDITOR"));
  const [a, b] = [await editor.get("/newsroom"), await editor.get("/newsroom")];
  for (const response of [a, b]) {
    expectBaseHeaders(response, "newsroom");
    expect(response.headers()["cache-control"]).toMatch(/no-store/);
    expect(cspOf(response).get("object-src")).toBe("'none'");
  }
  const nonceA = cspOf(a)
    .get("script-src")!
    .match(/'nonce-([^']+)'/)![1]!;
  const nonceB = cspOf(b)
    .get("script-src")!
    .match(/'nonce-([^']+)'/)![1]!;
  expect(nonceA).not.toBe(nonceB);
  expect(await a.text()).toContain(`nonce="${nonceA}"`);
});

test("an API response and an image response", async ({ request }) => {
  const api = await request.post("/api/session", { headers: { Origin: String(test.info().project.use.baseURL) }, data: {} });
  expect(api.status()).toBe(400);
  expectBaseHeaders(api, "api");
  expect(api.headers()["cache-control"]).toMatch(/no-store/);
  const mediaId = await uploadImage(await signedIn(await newAccount("EDITOR")));
  const image = await request.get(`/api/media/${mediaId}/w320.webp`);
  expect(image.status()).toBe(200);
  expectBaseHeaders(image, "image");
  expect(image.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(image.headers()["content-security-policy"]).toMatch(/sandbox/);
});

test("HSTS is sent when the site is reached by its public name", async ({ request }) => {
  const response = await request.get("/", { headers: { Host: "news.example" } });
  expect(response.headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
});

test("x-middleware-subrequest (CVE-2025-29927) does not open a newsroom page", async ({ request }) => {
  const response = await request.get("/newsroom", {
    headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
    maxRedirects: 0,
  });
  expect([302, 303, 307]).toContain(response.status());
  expect(response.headers().location).toMatch(/\/login/);
  // Nor does it let a server action through without a session.
  const action = await callAction(request, "saveStoryAction", [{}], {
    Origin: String(test.info().project.use.baseURL),
    "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
  });
  expect([401, 403]).toContain(action.status);
});
