import { expect, test } from "@playwright/test";
import { ADMIN_STATE, e2eAccounts } from "./accounts";

import { expectOnLoginPage, formAlert, signIn, SIGNED_OUT, userCli } from "./helpers";

test.describe("readers", () => {
  test("see the front page and can find the staff sign-in", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "The Newsroom" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Front page" })).toBeAttached();
    await page.getByRole("link", { name: "Staff sign-in" }).click();
    await expectOnLoginPage(page);
  });
});

test.describe("signing in", () => {
  test("the newsroom sends a signed-out visitor to sign in, then back", async ({ page }) => {
    const { editor } = e2eAccounts();
    await page.goto("/newsroom");
    await expectOnLoginPage(page);
    expect(new URL(page.url()).searchParams.get("next")).toBe("/newsroom");

    await page.getByLabel("Email").fill(editor.email.toUpperCase());
    await page.getByLabel("Password").fill(editor.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/newsroom$/);
    await expect(page.getByRole("heading", { name: `Welcome, ${editor.name}` })).toBeVisible();
    await expect(page.getByText("(Editor)")).toBeVisible();
  });

  test("a wrong password and an unknown email get the same refusal, and the email stays typed", async ({ page }) => {
    const { contributor } = e2eAccounts();
    await signIn(page, { email: contributor.email, password: "wrong-password-123" });
    const alert = formAlert(page);
    await expect(alert).toContainText("do not match an account");
    const wrongPasswordText = await alert.textContent();
    await expect(page.getByLabel("Email")).toHaveValue(contributor.email);

    await signIn(page, { email: "nobody-here@e2e.newsroom.invalid", password: contributor.password });
    await expect(formAlert(page)).toHaveText(wrongPasswordText!);
    await expect(page).toHaveURL(/\/login/);
  });

  test("an empty form says what is missing", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toContainText("Enter your email address and password");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("a redirect target on another site is ignored", async ({ page }) => {
    const { contributor } = e2eAccounts();
    await signIn(page, contributor, "/login?next=https://evil.example/steal");
    await expect(page).toHaveURL(/localhost:\d+\/newsroom$/);
  });
});

test.describe("sessions", () => {
  test.use({ storageState: ADMIN_STATE });

  test("the saved admin session reaches the newsroom", async ({ page }) => {
    const { admin } = e2eAccounts();
    await page.goto("/newsroom");
    await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
    await expect(page.getByText("(Admin)")).toBeVisible();
  });
});

test.describe("ending sessions", () => {
  test("signing out ends the session, and a replayed old cookie does not sign anyone in", async ({ page, browser }) => {
    const { contributor } = e2eAccounts();
    await signIn(page, contributor);
    await expect(page.getByRole("heading", { name: `Welcome, ${contributor.name}` })).toBeVisible();
    const oldCookies = await page.context().cookies();
    expect(oldCookies.some((c) => c.name.includes("session-token") && c.httpOnly)).toBe(true);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expectOnLoginPage(page);
    await page.goto("/newsroom");
    await expectOnLoginPage(page);

    const replay = await browser.newContext(SIGNED_OUT);
    await replay.addCookies(oldCookies);
    const replayPage = await replay.newPage();
    await replayPage.goto("/newsroom");
    await expectOnLoginPage(replayPage);
    await replay.close();
  });

  test("a deactivated user loses their open session and cannot sign in again", async ({ page }) => {
    const { leaver } = e2eAccounts();
    await signIn(page, leaver);
    await expect(page.getByRole("heading", { name: `Welcome, ${leaver.name}` })).toBeVisible();

    const { stdout } = await userCli("deactivate", "--email", leaver.email);
    expect(stdout).toContain(`Deactivated ${leaver.email}`);

    await page.reload();
    await expectOnLoginPage(page);

    await signIn(page, leaver);
    await expect(formAlert(page)).toContainText("deactivated");
    await page.goto("/newsroom");
    await expectOnLoginPage(page);
  });
});
