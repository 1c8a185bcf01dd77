import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { e2eAccounts, type TE2eAccount } from "./accounts";

export async function signIn(page: Page, account: Pick<TE2eAccount, "email" | "password">, path = "/login") {
  await page.goto(path);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectOnLoginPage(page: Page) {
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to the newsroom" })).toBeVisible();
}

/** What an operator runs: `npm run <script> -- <command> …` (user, api-key, webhook), against the e2e database. */
export async function operatorCli(script: "user" | "api-key" | "webhook", ...args: string[]) {
  const run = promisify(execFile);
  return run(process.execPath, ["--conditions=react-server", "--import", "tsx", `scripts/${script}.ts`, ...args], {
    // The app under test's settings where they matter (e2e/server.ts): its webhook receivers are on loopback.
    env: { ...process.env, DATABASE_URL: e2eAccounts().databaseUrl, NEWSROOM_WEBHOOK_ALLOW_PRIVATE: "on" },
  });
}

export const userCli = (...args: string[]) => operatorCli("user", ...args);

/** A new API key made as an operator makes one; its secret. */
export async function newApiKey(...scopes: ("content" | "preview" | "embargoed")[]): Promise<string> {
  const { stdout } = await operatorCli("api-key", "create", "--name", `e2e ${randomBytes(3).toString("hex")}`, ...scopes.flatMap((s) => ["--scope", s]));
  return /Key: (nk_\S+)/.exec(stdout)![1]!;
}

/** The form's own alert (Next's route announcer is an alert too, outside the form). */
export const formAlert = (page: Page) => page.locator("form").getByRole("alert");

/** A browser context with nobody signed in (test.use's storageState would otherwise apply to new contexts too). */
export const SIGNED_OUT = { storageState: { cookies: [], origins: [] } };

/**
 * Credit someone through the panel: choose the role (and place), type the name,
 * then pick them (`existing`: wait for the search to find the person) or add
 * them as a new person, with an affiliation and bio when given. ("Add … as a
 * new person" shows before the search answers, so picking "the first match"
 * could add a duplicate.)
 */
export async function credit(
  page: Page,
  name: string,
  role: string,
  {
    location,
    ownWording,
    existing = false,
    affiliation,
    bio,
  }: { location?: string; ownWording?: string; existing?: boolean; affiliation?: string; bio?: string } = {},
) {
  const panel = page.getByRole("region", { name: "Credits" });
  await panel.getByLabel("Role").selectOption({ label: role });
  await panel.getByLabel("Location (optional)").fill(location ?? "");
  await panel.getByLabel("Own wording (optional)").fill(ownWording ?? "");
  await panel.getByRole("combobox", { name: "Credit someone" }).fill(name);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await panel
    .getByRole("option", { name: existing ? new RegExp(`^${escaped}`) : new RegExp(`^Add “${escaped}”`) })
    .first()
    .click();
  if (!existing) {
    const form = panel.getByRole("group", { name: "New person" });
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue(name);
    if (affiliation) await form.getByLabel("Affiliation (optional)").fill(affiliation);
    if (bio) await form.getByLabel("One-line bio (optional)").fill(bio);
    await form.getByRole("button", { name: "Add and credit" }).click();
  }
  await expect(panel.getByRole("list", { name: "Credited people" })).toContainText(name);
}

/** Every published story needs a byline: credit a new person as its author. */
export async function addByline(page: Page) {
  await credit(page, `Reporter ${randomBytes(3).toString("hex")}`, "Byline");
}

/** The story editor's save state ("saved", "saving", …). */
export const saveState = (page: Page) => page.getByRole("status").first();
export const storyBody = (page: Page) => page.getByRole("textbox", { name: "Story body" });

export async function expectSaved(page: Page) {
  await expect(saveState(page)).toHaveAttribute("data-state", "saved");
}

/** Start a story with a headline and some text, and wait for it to be saved. */
export async function startStory(page: Page, headline: string, text: string) {
  await page.goto("/newsroom/stories/new");
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await storyBody(page).click();
  await page.keyboard.type(text);
  await expectSaved(page);
  await expect(page).toHaveURL(/\/newsroom\/stories\/[a-z0-9]+$/);
}

/**
 * Where a public page came from: "HIT" when served from the page cache. Reader pages of
 * our own server say so in x-newsroom-cache (site/respond.ts), pages Next still renders in x-nextjs-cache.
 */
export function cacheState(response: { headers(): Record<string, string> } | null | undefined): string | undefined {
  const headers = response?.headers() ?? {};
  return headers["x-newsroom-cache"] ?? headers["x-nextjs-cache"];
}

/** axe-core on the page as it is now; serious and critical violations fail, listed by rule and element. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
