/**
 * Lighthouse (mobile, its default settings) against reader pages, driving the
 * machine's Chromium (Debian's /usr/bin/chromium unless CHROMIUM_PATH says
 * otherwise) headless, loopback only. 12.2.3 because 13 needs Node 22.
 *
 * Its own CLI in a plain Node process: under tsx the functions Lighthouse sends
 * to the page as source text carry esbuild's `__name` helper, which the page lacks.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type TCategory = (typeof CATEGORIES)[number];
export type TLighthouseRow = { name: string; url: string; scores: Record<TCategory, number>; failing: string[]; performanceRuns: number[] };
type TReport = {
  categories: Record<TCategory, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; displayValue?: string }>;
};

function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) throw new Error("Lighthouse needs Chromium: apt-get install -y chromium, or set CHROMIUM_PATH.");
  return found;
}

const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";

/** How many times each page is measured: Lighthouse's own advice is the median of several runs. */
const RUNS = 3;

async function lighthouseOnce(url: string): Promise<Omit<TLighthouseRow, "name" | "url" | "performanceRuns">> {
  const cli = path.resolve("node_modules/lighthouse/cli/index.js");
  const { stdout } = await run(
    process.execPath,
    [cli, url, "--quiet", "--output=json", "--output-path=stdout", `--only-categories=${CATEGORIES.join(",")}`, `--chrome-flags=${CHROME_FLAGS}`],
    { env: { ...process.env, CHROME_PATH: chromiumPath() }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
  );
  const { categories, audits } = JSON.parse(stdout) as TReport;
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Record<TCategory, number>;
  const failing = CATEGORIES.flatMap((c) =>
    (categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${c}: ${ref.id}${audits[ref.id]?.displayValue ? ` (${audits[ref.id]!.displayValue})` : ""}`),
  );
  return { scores, failing };
}

/**
 * Each page RUNS times; the row is the median run by performance (the other
 * categories do not vary), with every run's performance score beside it, and
 * what kept a category below 100 named by its audits.
 */
export async function lighthousePages(pages: { name: string; url: string }[]): Promise<TLighthouseRow[]> {
  const rows: TLighthouseRow[] = [];
  for (const page of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lighthouseOnce(page.url));
    const performanceRuns = runs.map((r) => r.scores.performance);
    const median = [...runs].sort((a, b) => a.scores.performance - b.scores.performance)[Math.floor(RUNS / 2)]!;
    rows.push({ ...page, ...median, performanceRuns });
  }
  return rows;
}
