import { hostname } from "node:os";
import { expect, test, type Browser } from "@playwright/test";
import { E2E_PORT, e2eAccounts } from "./accounts";
import { formAlert, signIn, SIGNED_OUT } from "./helpers";
import { startPlainServer, type TPlainServer } from "./plain-server";

/** Sign in at `origin`'s /login as a newcomer would, in a browser of their own; the newsroom opens, and signing out works there too. */
async function signsInAt(browser: Browser, origin: string) {
  const { editor } = e2eAccounts();
  const context = await browser.newContext({ ...SIGNED_OUT, baseURL: origin });
  const page = await context.newPage();
  await signIn(page, editor);
  await expect(page.getByRole("heading", { name: `Welcome, ${editor.name}` })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(origin);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to the newsroom" })).toBeVisible();
  await context.close();
}

test.describe("signing in at the address the newcomer typed (no SITE_URL)", () => {
  for (const host of ["127.0.0.1", "[::1]", hostname()]) {
    test(`at http://${host}:<port>/login`, async ({ browser }) => {
      await signsInAt(browser, `http://${host}:${E2E_PORT}`);
    });
  }
});

test.describe("with SITE_URL set, another address is told which one to use", () => {
  test.describe.configure({ mode: "serial" }); // one second server for both tests
  let server: TPlainServer;
  test.beforeAll(async () => {
    // SITE_URL names localhost; the newcomer typed 127.0.0.1.
    server = await startPlainServer((port) => ({ SITE_URL: `http://localhost:${port}` }));
  });
  test.afterAll(async () => server?.stop());

  test("the sign-in page at another address names both addresses and the fix, before and after trying", async ({ browser }) => {
    const site = `http://localhost:${server.port}`;
    const typed = `http://127.0.0.1:${server.port}`;
    const message = `This newsroom's address is ${site} (SITE_URL), but this page was opened at ${typed}. Open ${site}/login, or set SITE_URL to the address you use.`;
    const context = await browser.newContext({ ...SIGNED_OUT, baseURL: typed });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.getByRole("status").filter({ hasText: "SITE_URL" })).toHaveText(message);
    await signIn(page, e2eAccounts().editor);
    await expect(formAlert(page)).toHaveText(message);
    await expect(page).toHaveURL(`${typed}/login`);
    await context.close();
  });

  test("SITE_URL's own address signs in", async ({ browser }) => {
    await signsInAt(browser, `http://localhost:${server.port}`);
  });
});
