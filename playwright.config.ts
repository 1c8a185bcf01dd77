import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { E2E_PORT } from "./e2e/accounts";

/**
 * Which Chromium to drive: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium,
 * else Playwright's own download. None of them: stop here with the fix.
 */
function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one of:\n" +
      "  apt-get install -y chromium          (Debian/Ubuntu; used from /usr/bin/chromium)\n" +
      "  npx playwright install chromium      (Playwright's own build; needs internet)\n" +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  );
}

const baseURL = `http://localhost:${E2E_PORT}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Several of these tests play two or three people at once on a 2-core machine.
  timeout: 90_000,
  // A fresh browser context loads the browser-only editor cold; under two workers on
  // two cores that has taken more than Playwright's default 5 s.
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      // This machine has no network but loopback: keep Chromium from calling home.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "chromium", dependencies: ["setup"], testIgnore: /security\//, use: { ...devices["Desktop Chrome"] } },
    // npm run test:security: the attacks of the security issue, against the same production build and database.
    { name: "security", dependencies: ["setup"], testDir: "e2e/security", testIgnore: /(outage|cache-flood)\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    // Measures the server's memory under a flood, so it runs alone: other tests' renders would count as its growth.
    { name: "security-flood", dependencies: ["security"], testDir: "e2e/security", testMatch: /cache-flood\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    // Stops the database for 10 s, so it runs alone, after everything else of the security suite.
    {
      name: "security-outage",
      dependencies: ["security-flood"],
      testDir: "e2e/security",
      testMatch: /outage\.spec\.ts/,
      use: { ...devices["Desktop Chrome"] },
    },
  ],
  webServer: {
    // exec: the signal that stops the server reaches node itself, which cleans up.
    command: "exec node --conditions=react-server --import tsx e2e/server.ts",
    url: `${baseURL}/api/health`,
    // The first run includes `next build`.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
  },
});
