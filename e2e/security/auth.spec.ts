import { expect, test, request as playwrightRequest } from "@playwright/test";
import { accountPageSignedIn, BASE, newAccount, newAddress, opensNewsroom, ORIGIN, signedIn, signInRequest, sql } from "./kit";

test.describe("sign-in throttling", () => {
  test("six wrong passwords: the sixth gets 429, the right password is refused until the wait ends, other emails are unaffected", async ({ request }) => {
    const victim = await newAccount("EDITOR");
    const bystander = await newAccount("EDITOR");
    const attacker = newAddress();
    for (let i = 1; i <= 5; i++)
      expect((await signInRequest(request, { email: victim.email, password: `guess-${i}` }, attacker)).status(), `attempt ${i}`).toBe(401);
    const sixth = await signInRequest(request, { email: victim.email, password: "guess-6" }, attacker);
    expect(sixth.status()).toBe(429);
    expect((await sixth.json()).error).toMatch(/try again in \d+ minutes?/);
    expect(Number(sixth.headers()["retry-after"])).toBeGreaterThan(0);

    // The owner, from another address, with the right password: still refused while the lock lasts.
    const owner = newAddress();
    const refused = await signInRequest(request, victim, owner);
    expect(refused.status()).toBe(429);
    expect(refused.headers()["set-cookie"]).toBeUndefined();
    // Someone else signs in from yet another address as usual.
    expect((await signInRequest(request, bystander, newAddress())).status()).toBe(200);

    // The e2e server's first lock is short (NEWSROOM_LOGIN_LOCK_SECONDS): after it, the right password works.
    const waitMs = Number(refused.headers()["retry-after"]) * 1000;
    await new Promise((r) => setTimeout(r, waitMs + 500));
    expect((await signInRequest(request, victim, owner)).status()).toBe(200);
    const audit = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE details->>'email' = $1 ORDER BY at`, [victim.email]);
    expect(audit.map((a) => a.action)).toEqual([...Array(5).fill("auth.sign-in-failed"), "auth.sign-in-throttled", "auth.sign-in-throttled", "auth.sign-in"]);
  });

  test("five failures over different emails from one address lock that address, not the accounts", async ({ request }) => {
    const account = await newAccount("CONTRIBUTOR");
    const stuffer = newAddress();
    for (let i = 0; i < 5; i++) await signInRequest(request, { email: `nobody-${i}-${Date.now()}@e2e.newsroom.invalid`, password: "password123" }, stuffer);
    expect((await signInRequest(request, account, stuffer)).status()).toBe(429);
    expect((await signInRequest(request, account, newAddress())).status()).toBe(200);
  });
});

test.describe("sessions", () => {
  test("the cookie is HttpOnly and SameSite=Lax (Secure once served over HTTPS), and a new one is issued at every sign-in", async () => {
    const account = await newAccount("EDITOR");
    const context = await playwrightRequest.newContext({ baseURL: BASE });
    const first = await signInRequest(context, account, newAddress());
    const cookie = first.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("authjs.session-token="))!.value;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i); // plain http://localhost here; HTTPS deployments get Secure (and the __Secure- prefix)
    const again = await signInRequest(context, account, newAddress());
    const second = again.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("authjs.session-token="))!.value;
    expect(second.split(";")[0]).not.toBe(cookie.split(";")[0]);
    await context.dispose();
  });

  /** A copy of the context's cookies, to replay later from a fresh client. */
  async function stolenCopy(context: Awaited<ReturnType<typeof signedIn>>) {
    const state = await context.storageState();
    return playwrightRequest.newContext({ baseURL: BASE, storageState: state });
  }

  test("a replayed cookie stops working after sign-out", async () => {
    const account = await newAccount("EDITOR");
    const context = await signedIn(account);
    const replay = await stolenCopy(context);
    expect(await opensNewsroom(replay)).toBe(true);
    const csrf = (await (await context.get("/api/auth/csrf")).json()).csrfToken as string;
    await context.post("/api/auth/signout", { headers: ORIGIN, form: { csrfToken: csrf } });
    expect(await opensNewsroom(replay)).toBe(false);
  });

  test("a replayed cookie stops working after deactivation", async () => {
    const account = await newAccount("CONTRIBUTOR");
    const replay = await stolenCopy(await signedIn(account));
    expect(await opensNewsroom(replay)).toBe(true);
    await sql(`UPDATE "User" SET active = false WHERE id = $1`, [account.id]);
    expect(await opensNewsroom(replay)).toBe(false);
  });

  test("a replayed cookie stops working after a password change that ends other sessions; the changer's own session stays", async ({ browser }) => {
    const account = await newAccount("CONTRIBUTOR");
    const replay = await stolenCopy(await signedIn(account));
    const page = await accountPageSignedIn(browser, account);
    await page.getByLabel("Current password").fill(account.password);
    await page.getByLabel(/New password/).fill("a-new-password-for-this-test");
    await expect(page.getByLabel(/Sign me out everywhere else/)).toBeChecked();
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText(/Password changed\. 1 other session signed out/)).toBeVisible();
    expect(await opensNewsroom(replay)).toBe(false);
    await page.goto("/newsroom");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/newsroom$/);
  });
});

test.describe("redirects after sign-in stay on this site", () => {
  const hostile = [
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    ".evil.example",
    "@evil.example",
    "javascript:alert(1)",
    "%2F%2Fevil.example",
    "/%0d%0aLocation:%20https://evil.example",
    "http:/\\/evil.example",
    "\u0000//evil.example",
  ];

  for (const next of hostile) {
    test(`next=${JSON.stringify(next)}`, async ({ request }) => {
      const account = await newAccount("CONTRIBUTOR");
      const signIn = await request.post("/api/session", { headers: { ...ORIGIN, "X-Forwarded-For": newAddress() }, data: { ...account, next } });
      expect(signIn.status()).toBe(200);
      const { redirectTo } = await signIn.json();
      expect(new URL(redirectTo, BASE).origin).toBe(BASE);
      // The sign-in page itself, given the same parameter while signed in, sends us home, not away.
      for (const param of ["next", "callbackUrl"]) {
        const page = await request.get(`/login?${param}=${encodeURIComponent(next)}`, { maxRedirects: 0 });
        expect([200, 307, 303, 302]).toContain(page.status());
        if (page.status() !== 200) expect(new URL(page.headers().location!, BASE).origin).toBe(BASE);
      }
    });
  }

  // Targets that only leave the site once their dot segments are resolved, and their encoded, backslashed and whitespace cousins.
  const resolvedAway = [
    "/.//evil.example/x",
    "/..//evil.example/x",
    "/%2e//evil.example/x",
    "/%2E%2e//evil.example/x",
    "/x/..//evil.example/x",
    "/x/y/../..//evil.example",
    "/.%2e//evil.example",
    "/./\\evil.example",
    "/%2f%2fevil.example",
    "/%5c%5cevil.example",
    "/\\evil",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    "https:evil.example",
    "https:/evil.example",
  ];
  const staysHere = (location: string | undefined, what: string) => {
    expect(location, what).toBeTruthy();
    const url = new URL(location!, BASE);
    expect(url.origin, what).toBe(BASE);
    expect(url.pathname.startsWith("//"), what).toBe(false);
  };

  test("dot segments, encoded slashes, backslashes and whitespace: every place that reads a target keeps it here", async ({ request }) => {
    const account = await newAccount("CONTRIBUTOR");
    for (const next of resolvedAway) {
      const signIn = await request.post("/api/session", { headers: { ...ORIGIN, "X-Forwarded-For": newAddress() }, data: { ...account, next } });
      expect(signIn.status(), next).toBe(200);
      staysHere((await signIn.json()).redirectTo, `POST /api/session next=${JSON.stringify(next)}`);
      // Signed in now: the sign-in page sends us on at once.
      for (const param of ["next", "callbackUrl"]) {
        const page = await request.get(`/login?${param}=${encodeURIComponent(next)}`, { maxRedirects: 0 });
        expect(page.status(), `${param}=${JSON.stringify(next)}`).toBe(307);
        staysHere(page.headers().location, `/login?${param}=${JSON.stringify(next)}`);
      }
      // next-auth's own routes take a callbackUrl too (query, form field or cookie): its redirect callback keeps it here.
      const viaAuth = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(next)}`, { maxRedirects: 0 });
      if (viaAuth.status() !== 200) staysHere(viaAuth.headers().location, `/api/auth/signin callbackUrl=${JSON.stringify(next)}`);
    }
    const csrf = (await (await request.get("/api/auth/csrf")).json()).csrfToken as string;
    const signOut = await request.post("/api/auth/signout", { headers: ORIGIN, form: { csrfToken: csrf, callbackUrl: "/.//evil.example/x" }, maxRedirects: 0 });
    staysHere(signOut.headers().location, "POST /api/auth/signout callbackUrl=/.//evil.example/x");
  });
});
