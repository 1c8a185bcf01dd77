import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { startFakeWeather } from "../testing/fake-weather";
import { EDITOR_STATE, e2eAccounts } from "./accounts";
import { addByline, cacheState, SIGNED_OUT, startStory } from "./helpers";
import { startPlainServer, type TPlainServer } from "./plain-server";

const SAMPLE_LABEL = "Sample forecast — demo data";

const weatherBox = (page: Page) => page.getByRole("complementary", { name: "Weather Forecast" });
const place = (page: Page, name: string) => weatherBox(page).getByRole("region", { name: `Weather in ${name}` });
/** What a reader reads in a box or a place's forecast, spaces collapsed. */
const textOf = async (locator: Locator) => ((await locator.count()) ? (await locator.innerText()).replace(/\s+/g, " ").trim() : "");

/** An editor writes and publishes a story on the main e2e server, as in the newsroom. Returns its slug. */
async function publishStory(browser: Browser, headline: string): Promise<string> {
  const context = await browser.newContext({ storageState: EDITOR_STATE });
  const page = await context.newPage();
  await startStory(page, headline, "The wind turned north overnight and the dust came with it.");
  await addByline(page);
  await expect(page.getByRole("status").first()).toHaveAttribute("data-state", "saved");
  const slug = await page.getByLabel("URL slug").inputValue();
  await page.getByRole("region", { name: "Workflow" }).getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("region", { name: "Workflow" })).toContainText("Published");
  await context.close();
  return slug;
}

/** What the demo seed does for its locations (prisma/seed/demo.ts): store the labelled sample forecast, through the domain function. */
async function storeSampleForecasts(locations: string) {
  const script = [
    'const { prisma } = require("./lib/db/client.ts");',
    'const { storeSampleForecasts } = require("./lib/weather/forecasts.ts");',
    'const { parseLocations } = require("./lib/weather/provider.ts");',
    "prisma.$transaction((tx) => storeSampleForecasts(tx, parseLocations(process.env.SAMPLE_LOCATIONS))).finally(() => prisma.$disconnect());",
  ].join("\n");
  await promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "-e", script], {
    env: { ...process.env, DATABASE_URL: e2eAccounts().databaseUrl, SAMPLE_LOCATIONS: locations },
  });
}

/** A second server whose forecasts come from its own fake provider, refreshed every second, for these locations. */
function weatherServer(fakeUrl: string, locations: string) {
  return startPlainServer((port) => ({
    PORT: String(port),
    NEWSROOM_WEATHER: "on",
    NEWSROOM_WEATHER_URL: fakeUrl,
    NEWSROOM_WEATHER_LOCATIONS: locations,
    NEWSROOM_WEATHER_INTERVAL_MS: "1000",
  }));
}

const horizontal = async (locator: Locator) => {
  const box = await locator.boundingBox();
  if (!box) throw new Error("Not laid out.");
  return { left: box.x, right: box.x + box.width, width: box.width, centre: box.x + box.width / 2 };
};
/** The page's content area: <main> inside its padding (px-4). */
const contentArea = async (page: Page) => {
  const main = await horizontal(page.locator("main"));
  return { left: main.left + 16, right: main.right - 16, width: main.width - 32, centre: main.centre };
};
const frontStories = (page: Page) => page.getByRole("heading", { level: 1, name: "Front page" }).locator("..");

test("a reader sees the Weather Forecast box, with the provider's forecast for the configured place, on the front page and on a published story", async ({
  browser,
}) => {
  const headline = `Dust storm reaches the capital ${randomBytes(3).toString("hex")}`;
  const slug = await publishStory(browser, headline);
  const context = await browser.newContext(SIGNED_OUT);
  const page = await context.newPage();
  for (const path of ["/", `/stories/${slug}`]) {
    await page.goto(path);
    if (path !== "/") await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
    await expect(weatherBox(page).getByRole("heading", { name: "Weather Forecast" })).toBeVisible();
    // Beijing (NEWSROOM_WEATHER_LOCATIONS of e2e/server.ts), four days from the fake provider: its weather and rain
    // chances are fixed (the temperatures are another test's to set), and not the sample's ("Partly cloudy" first).
    const beijing = place(page, "Beijing");
    await expect(beijing.getByRole("heading", { name: "Beijing" })).toBeVisible();
    await expect(beijing.getByRole("listitem")).toHaveCount(4);
    expect(await textOf(beijing)).toMatch(
      /^Beijing Today Clear -?\d+° -?\d+° 0% rain \w{3} Overcast -?\d+° -?\d+° 20% rain \w{3} Rain -?\d+° -?\d+° 80% rain \w{3} Snow -?\d+° -?\d+° 60% rain Issued .+\d{4}/,
    );
    await expect(beijing.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await expect(weatherBox(page)).not.toContainText(SAMPLE_LABEL);
  }
  await context.close();
});

test.describe("the demo's sample forecast, and no forecast at all (second servers with their own provider)", () => {
  test.describe.configure({ mode: "serial", timeout: 150_000 });
  // Places no other test forecasts, so the stored rows are this file's.
  const DEMO = "Lhasa:29.65,91.17";
  const NONE = "Kashgar:39.47,75.99";
  let demoFake: Awaited<ReturnType<typeof startFakeWeather>>;
  let noneFake: Awaited<ReturnType<typeof startFakeWeather>>;
  let demo: TPlainServer;
  let none: TPlainServer;
  let slug: string;
  let headline: string;

  test.beforeAll(async ({ browser }) => {
    // Offline: neither provider answers yet.
    [demoFake, noneFake] = await Promise.all([startFakeWeather(), startFakeWeather()]);
    demoFake.setMode("down");
    noneFake.setMode("down");
    await storeSampleForecasts(DEMO);
    [demo, none] = await Promise.all([weatherServer(demoFake.url, DEMO), weatherServer(noneFake.url, NONE)]);
    headline = `Passes closed by early snow ${randomBytes(3).toString("hex")}`;
    slug = await publishStory(browser, headline);
  });
  test.afterAll(async () => {
    await Promise.all([demo?.stop(), none?.stop()]);
    await Promise.all([demoFake?.stop(), noneFake?.stop()]);
  });

  test("offline, the sample shows, labelled; the provider's first answer replaces it with its issued time on the cached pages; a repeated answer keeps them cached", async ({
    browser,
  }) => {
    const context = await browser.newContext({ ...SIGNED_OUT, baseURL: `http://localhost:${demo.port}` });
    const page = await context.newPage();
    const pages = ["/", `/stories/${slug}`];
    // The server has just started: these are the pages' first renders, so the 60 s safety net cannot refresh them below.
    const firstRender = Date.now();
    for (const path of pages) {
      await page.goto(path);
      await expect(weatherBox(page).getByRole("heading", { name: "Weather Forecast" })).toBeVisible();
      await expect(weatherBox(page)).toContainText(SAMPLE_LABEL);
      // The sample's four days (lib/weather/choose.ts), and no issued time: it was never issued.
      expect(await textOf(place(page, "Lhasa"))).toMatch(
        /^Lhasa Today Partly cloudy 18° 9° 10% rain \w{3} Overcast 17° 8° 30% rain \w{3} Rain 16° 7° 70% rain \w{3} Clear 15° 6° 5% rain$/,
      );
      await expect(weatherBox(page).locator("time")).toHaveCount(0);
      await expect(weatherBox(page)).not.toContainText("Issued");
    }

    // The provider stays down for a few refreshes: readers get the cached pages, still with the sample.
    const callsBefore = demoFake.calls();
    await page.waitForTimeout(3_000);
    expect(demoFake.calls()).toBeGreaterThan(callsBefore);
    for (const path of pages) {
      const response = await page.goto(path);
      expect(cacheState(response), path).toBe("HIT");
      await expect(weatherBox(page)).toContainText(SAMPLE_LABEL);
    }

    // The provider answers: the next reader of each cached page gets the real forecast, with the time it was issued.
    demoFake.setBase(26);
    demoFake.setMode("ok");
    const answered = Date.now();
    for (const path of pages) {
      await expect
        .poll(
          async () => {
            await page.goto(path);
            return textOf(place(page, "Lhasa"));
          },
          { timeout: 20_000 },
        )
        .toMatch(/^Lhasa Today Clear 26° 16° 0% rain \w{3} Overcast 25° 15° 20% rain \w{3} Rain 24° 14° 80% rain \w{3} Snow 23° 13° 60% rain Issued .+\d{4}/);
      await expect(weatherBox(page)).not.toContainText(SAMPLE_LABEL);
      const issued = Date.parse((await place(page, "Lhasa").locator("time").getAttribute("datetime"))!);
      expect(issued).toBeGreaterThanOrEqual(answered - 1_000);
      expect(issued).toBeLessThanOrEqual(Date.now());
    }
    expect(Date.now() - firstRender, "refreshed by the new forecast, not by the pages' 60 s revalidation").toBeLessThan(55_000);
    const issuedAt = await place(page, "Lhasa").locator("time").getAttribute("datetime");

    // The provider repeats itself every second: no news, so the pages stay cached with the same issued time
    // (past the refresh's own settling expiries, lib/cache/refresh.ts, 5 s).
    await page.waitForTimeout(6_000);
    for (const path of pages) await page.goto(path);
    const callsThen = demoFake.calls();
    await page.waitForTimeout(3_000);
    expect(demoFake.calls()).toBeGreaterThan(callsThen);
    for (const path of pages) {
      const response = await page.goto(path);
      expect(cacheState(response), path).toBe("HIT");
      await expect(place(page, "Lhasa").locator("time")).toHaveAttribute("datetime", issuedAt!);
    }
    await context.close();
  });

  test("with no forecast stored, the box and its column are left out; the provider's first answer brings both back", async ({ browser }) => {
    const context = await browser.newContext({ ...SIGNED_OUT, baseURL: `http://localhost:${none.port}` });
    const page = await context.newPage();
    const article = page.getByRole("article").filter({ has: page.getByRole("heading", { level: 1, name: headline }) });

    await page.goto("/");
    await expect(frontStories(page)).toBeAttached();
    await expect(weatherBox(page)).toHaveCount(0);
    // The stories take the whole width: no empty third column.
    const area = await contentArea(page);
    expect(Math.abs((await horizontal(frontStories(page))).width - area.width)).toBeLessThan(2);

    await page.goto(`/stories/${slug}`);
    await expect(article).toBeVisible();
    await expect(weatherBox(page)).toHaveCount(0);
    // The story stands centred alone.
    expect(Math.abs((await horizontal(article)).centre - (await contentArea(page)).centre)).toBeLessThan(2);

    // Cached like that while the provider is down…
    await page.waitForTimeout(2_000);
    for (const path of ["/", `/stories/${slug}`]) {
      const response = await page.goto(path);
      expect(cacheState(response), path).toBe("HIT");
      await expect(weatherBox(page)).toHaveCount(0);
    }

    // …until it answers: the box comes, in its own column beside the stories.
    noneFake.setBase(4);
    noneFake.setMode("ok");
    await expect
      .poll(
        async () => {
          await page.goto("/");
          return textOf(place(page, "Kashgar"));
        },
        { timeout: 20_000 },
      )
      .toMatch(/^Kashgar Today Clear 4° -6° 0% rain/);
    const [stories, box] = [await horizontal(frontStories(page)), await horizontal(weatherBox(page))];
    expect(stories.right).toBeLessThan(box.left);
    expect(stories.width).toBeLessThan(area.width - box.width);

    await expect
      .poll(
        async () => {
          await page.goto(`/stories/${slug}`);
          return textOf(place(page, "Kashgar"));
        },
        { timeout: 20_000 },
      )
      .toMatch(/^Kashgar Today Clear 4° -6° 0% rain/);
    await expect(weatherBox(page)).not.toContainText(SAMPLE_LABEL);
    expect((await horizontal(article)).right).toBeLessThan((await horizontal(weatherBox(page))).left);
    await context.close();
  });
});
