import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse, type Browser, type Page } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { makeJpeg } from "../../testing/images";
import { E2E_PORT, e2eAccounts } from "../accounts";

/** The attacks in this folder run against the production build and database the e2e server started. */
export const BASE = `http://localhost:${E2E_PORT}`;
export const ORIGIN = { Origin: BASE };

/** A client address of its own for each test (the app counts failed sign-ins per address; e2e/server.ts makes the specs its one trusted proxy, so X-Forwarded-For names the client). */
export const newAddress = () => `10.${[...randomBytes(3)].join(".")}`;

/** The e2e database, for checking that refused requests changed nothing. */
export async function sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eAccounts().databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export type TAccount = { id: string; email: string; password: string; role: "ADMIN" | "EDITOR" | "CONTRIBUTOR" };

/** A fresh account only this test signs in with (so locking or ending its sessions disturbs no other test). */
export async function newAccount(role: TAccount["role"]): Promise<TAccount> {
  const email = `sec-${role.toLowerCase()}-${randomBytes(4).toString("hex")}@e2e.newsroom.invalid`;
  const password = `pw-${randomBytes(9).toString("hex")}`;
  const id = `sec${randomBytes(10).toString("hex")}`;
  await sql(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [
    id,
    email,
    `Security ${role}`,
    await hashPassword(password),
    role,
  ]);
  return { id, email, password, role };
}

/** POST /api/session, as the login form does, from `address`. */
export function signInRequest(request: APIRequestContext, account: { email: string; password: string }, address: string): Promise<APIResponse> {
  return request.post("/api/session", {
    headers: { ...ORIGIN, "X-Forwarded-For": address },
    data: { email: account.email, password: account.password, next: "/newsroom" },
  });
}

/** A request context signed in as `account` (its own cookie jar). */
export async function signedIn(account: TAccount): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: BASE });
  const response = await signInRequest(context, account, newAddress());
  if (!response.ok()) throw new Error(`Signing in ${account.email} failed: ${response.status()} ${await response.text()}`);
  return context;
}

/** Whether this context's cookie opens the newsroom (200) or is sent to sign in (a redirect to /login). */
/** A fresh browser signed in through the form, on its account page (as a person changing their password would be). */
export async function accountPageSignedIn(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/newsroom/);
  await page.goto("/newsroom/account");
  return page;
}

export async function opensNewsroom(context: APIRequestContext): Promise<boolean> {
  const response = await context.get("/newsroom", { maxRedirects: 0 });
  if (response.status() === 200) return true;
  expect307ToLogin(response);
  return false;
}

function expect307ToLogin(response: APIResponse) {
  const location = response.headers().location ?? "";
  if (![302, 303, 307].includes(response.status()) || !location.includes("/login"))
    throw new Error(`Expected a redirect to /login, got ${response.status()} ${location}`);
}

/** A server action's id, from the build's manifest, by the name it is exported under. */
export function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!entry) throw new Error(`No server action named ${exportedName} in this build.`);
  return entry[0];
}

/**
 * Call a server action over HTTP the way a hand-made request would: its id in
 * Next-Action, its arguments as JSON. Returns the HTTP status and the action's
 * result object ({ ok, … }) when there is one.
 */
export async function callAction(context: APIRequestContext, name: string, args: unknown[], headers: Record<string, string> = ORIGIN) {
  const response = await context.post("/newsroom", {
    headers: { "Next-Action": actionId(name), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...headers },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const text = await response.text();
  let result: { ok: boolean; error?: { code: string; message: string }; data?: unknown } | null = null;
  for (const line of text.split("\n")) {
    const json = line.replace(/^[0-9a-f]+:/, "");
    try {
      const value = JSON.parse(json);
      if (value && typeof value === "object" && "ok" in value) result = value;
    } catch {
      // not a JSON line of the reply
    }
  }
  return { status: response.status(), result, text };
}

/** Upload a fresh JPEG as the signed-in `context` (as the library does); its media id. */
export async function uploadImage(context: APIRequestContext): Promise<string> {
  // A few random pixels' worth of size, so every upload is a new image (uploads are content-addressed).
  const response = await context.post("/api/media", {
    headers: { ...ORIGIN, "X-Filename": "security.jpg", "Content-Type": "image/jpeg" },
    data: await makeJpeg(640 + (randomBytes(1)[0]! % 200), 420),
  });
  if (!response.ok()) throw new Error(`Upload failed: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { media: { id: string } }).media.id;
}

/** A published story of this test's own (a byline is needed to publish); its slug. */
export async function publishedStory(): Promise<string> {
  const editor = await signedIn(await newAccount("EDITOR"));
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The tide came in at noon, as it does." }] }] };
  const created = await callAction(editor, "saveStoryAction", [{ storyId: null, baseVersion: null, fields: { headline: `Tide tables ${Date.now()}`, body } }]);
  expect(created.result?.ok, created.text).toBe(true);
  const story = created.result!.data as { id: string; version: number; slug: string };
  const [person] = await sql<{ id: string }>(
    `INSERT INTO "Person" (id, name, slug, "updatedAt") VALUES ('secp' || md5(random()::text), 'Tide Writer', 'tide-' || md5(random()::text), now()) RETURNING id`,
  );
  const credits = await callAction(editor, "saveCreditsAction", [
    { storyId: story.id, baseVersion: story.version, credits: [{ personId: person!.id, role: "BYLINE" }] },
  ]);
  expect(credits.result?.ok, credits.text).toBe(true);
  const published = await callAction(editor, "workflowAction", [
    { storyId: story.id, baseVersion: (credits.result!.data as { version: number }).version, action: "publish" },
  ]);
  expect(published.result?.ok, published.text).toBe(true);
  await editor.dispose();
  return story.slug;
}
