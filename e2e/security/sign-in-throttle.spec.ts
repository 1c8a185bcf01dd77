import { randomBytes } from "node:crypto";
import http from "node:http";
import { expect, test, request as playwrightRequest } from "@playwright/test";
import { startPlainServer, type TPlainServer } from "../plain-server";
import { accountPageSignedIn, BASE, newAccount, newAddress, signInRequest, sql } from "./kit";

const DEVICE_COOKIE = "newsroom-device";

/** Sign in as a person would from their own browser: one cookie jar for the whole test. */
const browserLike = () => playwrightRequest.newContext({ baseURL: BASE });

const wrong = (account: { email: string }, i: number) => ({ email: account.email, password: `not-the-password-${i}` });

test.describe("sign-in throttling: per account and per client, with known devices let in", () => {
  test("five wrong passwords from five addresses lock the account for strangers, but not the owner on a device that signed in before", async () => {
    const owner = await newAccount("EDITOR");
    const ownersBrowser = await browserLike();
    const first = await signInRequest(ownersBrowser, owner, newAddress());
    expect(first.status()).toBe(200);
    const device = first.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith(`${DEVICE_COOKIE}=`))?.value;
    expect(device, "a device cookie is issued at sign-in").toBeTruthy();
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/SameSite=Lax/i);
    expect(Number(/Max-Age=(\d+)/i.exec(device!)?.[1])).toBeGreaterThan(180 * 24 * 60 * 60);

    // The attacker, from five addresses, with no device cookie.
    const attacker = await browserLike();
    for (let i = 1; i <= 5; i++) expect((await signInRequest(attacker, wrong(owner, i), newAddress())).status(), `guess ${i}`).toBe(401);
    expect((await signInRequest(attacker, wrong(owner, 6), newAddress())).status()).toBe(429);
    // Even a stranger with the right password waits: the account is locked for devices it does not know.
    expect((await signInRequest(await browserLike(), owner, newAddress())).status()).toBe(429);

    // The owner, from the browser that signed in before (any address), gets in.
    expect((await signInRequest(ownersBrowser, owner, newAddress())).status()).toBe(200);
    // And the attacker is still slowed.
    expect((await signInRequest(attacker, wrong(owner, 7), newAddress())).status()).toBe(429);
    await Promise.all([ownersBrowser.dispose(), attacker.dispose()]);
  });

  test("a device cookie for one account is no key to another, and a forged one is ignored", async () => {
    const victim = await newAccount("EDITOR");
    const attacker = await newAccount("CONTRIBUTOR");
    const attackersBrowser = await browserLike();
    expect((await signInRequest(attackersBrowser, attacker, newAddress())).status()).toBe(200);
    for (let i = 1; i <= 5; i++) await signInRequest(await browserLike(), wrong(victim, i), newAddress());
    // The attacker's own (valid) device cookie names the attacker's account: the victim's lock holds.
    expect((await signInRequest(attackersBrowser, wrong(victim, 6), newAddress())).status()).toBe(429);
    // A hand-made cookie naming the victim is not signed with the server's secret.
    const forged = await playwrightRequest.newContext({
      baseURL: BASE,
      extraHTTPHeaders: { Cookie: `${DEVICE_COOKIE}=${victim.id}.${randomBytes(16).toString("base64url")}.${randomBytes(32).toString("base64url")}` },
    });
    expect((await signInRequest(forged, wrong(victim, 7), newAddress())).status()).toBe(429);
    await Promise.all([attackersBrowser.dispose(), forged.dispose()]);
  });

  test("wrong passwords on a known device count against that device only", async () => {
    const owner = await newAccount("EDITOR");
    const ownersBrowser = await browserLike();
    expect((await signInRequest(ownersBrowser, owner, newAddress())).status()).toBe(200);
    for (let i = 1; i <= 5; i++) expect((await signInRequest(ownersBrowser, wrong(owner, i), newAddress())).status(), `slip ${i}`).toBe(401);
    expect((await signInRequest(ownersBrowser, owner, newAddress())).status(), "the device waits now").toBe(429);
    // The account itself is not locked by them: another browser signs in.
    expect((await signInRequest(await browserLike(), owner, newAddress())).status()).toBe(200);
    await ownersBrowser.dispose();
  });

  test("the current-password check on /newsroom/account is throttled like sign-in", async ({ browser }) => {
    const account = await newAccount("CONTRIBUTOR");
    const page = await accountPageSignedIn(browser, account);
    const tryPassword = async (current: string) => {
      await page.getByLabel("Current password").fill(current);
      await page.getByLabel(/New password/).fill("a-new-password-for-this-test");
      await page.getByRole("button", { name: "Change password" }).click();
    };
    for (let i = 1; i <= 5; i++) {
      await tryPassword(`guess-${i}`);
      await expect(page.getByText("Your current password is not right.").first()).toBeVisible();
      await page.reload();
    }
    // The e2e lock is 3 s (doubling at each further lock): on a busy runner a guess can
    // arrive after it ended and count as one more failure, so guess until the lock shows.
    const locked = page.getByText(/try again in \d+ minutes?/);
    for (let i = 6; i <= 9 && !(await locked.isVisible()); i++) {
      await tryPassword(`guess-${i}`);
      await locked.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await expect(locked).toBeVisible();
    // While the wait lasts, the right password is refused too (nothing is checked, nothing changes).
    await tryPassword(account.password);
    await expect(page.getByText(/Password changed/)).toHaveCount(0);
    const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'user.password-change' AND "actorId" = $1`, [
      account.id,
    ]);
    expect(row!.n).toBe(0);
  });
});

/** POST JSON from a chosen loopback source address (a real, distinct TCP peer), not through Playwright. */
function postFrom(port: number, localAddress: string, path: string, headers: Record<string, string>, body: unknown): Promise<{ status: number }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        localAddress,
        headers: { Host: `localhost:${port}`, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(data), ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

test.describe("with no proxy configured (NEWSROOM_TRUSTED_PROXIES unset)", () => {
  let server: TPlainServer | null = null;
  let port = 0;

  // The same production build, started plainly as `next start` with the default settings, on the run's database.
  test.beforeAll(async () => {
    server = await startPlainServer(() => ({ NEWSROOM_LOGIN_LOCK_SECONDS: "3" }));
    port = server.port;
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("a client's own X-Forwarded-For is not believed: rotating it does not escape the per-address lock", async () => {
    const account = await newAccount("EDITOR");
    // One real client (a loopback address of its own), claiming a new address in every request.
    const socketAddress = `127.${[...randomBytes(3)].map((b) => Math.max(1, b)).join(".")}`;
    const origin = { Origin: `http://localhost:${port}` };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const email = `nobody-${i}-${randomBytes(4).toString("hex")}@e2e.newsroom.invalid`;
      statuses.push(
        (
          await postFrom(
            port,
            socketAddress,
            "/api/session",
            { ...origin, "X-Forwarded-For": newAddress(), "X-Real-IP": newAddress() },
            { email, password: "password123" },
          )
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // Five failures from this socket address (over five emails, so no account is locked): the sixth request is refused, whatever it claims.
    const sixth = await postFrom(
      port,
      socketAddress,
      "/api/session",
      { ...origin, "X-Forwarded-For": newAddress() },
      { email: account.email, password: account.password },
    );
    expect(sixth.status).toBe(429);
    // The audit log names the real peer, not what the client claimed.
    const audit = await sql<{ address: string }>(`SELECT details->>'address' AS address FROM "AuditEvent" WHERE details->>'email' = $1`, [account.email]);
    expect(audit.map((a) => a.address)).toEqual([socketAddress]);
  });
});
