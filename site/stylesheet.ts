import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The reader pages' stylesheet: site/site.css through Tailwind (only the reader's classes, and the theme
 * the newsroom shares, app/base.css), written where this server finds it. Made when the app is
 * built (`npm run build`, and the launcher's build step: writeStylesheet), served
 * at /assets/site-<hash>.css as immutable (site/assets.ts); in development made when the server starts.
 */
const SOURCE = "site/site.css";
const BUILT = path.join(".next", "newsroom-site.css");

/** Compile app/globals.css (Tailwind reads the sources for the classes they use). */
export async function compileStylesheet(): Promise<Buffer> {
  const [{ default: postcss }, { default: tailwind }] = await Promise.all([import("postcss"), import("@tailwindcss/postcss")]);
  const from = path.resolve(SOURCE);
  const result = await postcss([tailwind({ base: process.cwd(), optimize: { minify: true } })]).process(readFileSync(from, "utf8"), { from });
  return Buffer.from(result.css);
}

/** The build step: compile and write it into the build. */
export async function writeStylesheet(): Promise<void> {
  mkdirSync(path.dirname(BUILT), { recursive: true });
  writeFileSync(BUILT, await compileStylesheet());
}

/** The stylesheet this server serves: the built one, or (in development) compiled now (site/assets.ts serves it). */
export async function loadStylesheet(dev: boolean): Promise<Buffer> {
  if (dev) return compileStylesheet();
  if (existsSync(BUILT)) return readFileSync(BUILT);
  throw new Error(`${BUILT} is missing: build the app with \`npm run build\` (or start it with \`npm start\`, which builds when needed).`);
}
