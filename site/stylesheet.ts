import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The reader pages' stylesheet: site/site.css through Tailwind (only the reader's classes, and the theme
 * the newsroom shares, app/base.css), written where this server finds it. Made when the app is
 * built (`npm run build`, and the launcher's build step: writeStylesheet), served
 * at /assets/site-<hash>.css as immutable; in development made when the server starts.
 */
const SOURCE = "site/site.css";
const BUILT = path.join(".next", "newsroom-site.css");

export type TStylesheet = { path: string; css: Buffer; gzip: Buffer };

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

/** The stylesheet this server serves: the built one, or (in development) compiled now. */
export async function loadStylesheet(dev: boolean): Promise<TStylesheet> {
  let css: Buffer;
  if (dev) css = await compileStylesheet();
  else if (existsSync(BUILT)) css = readFileSync(BUILT);
  else throw new Error(`${BUILT} is missing: build the app with \`npm run build\` (or start it with \`npm start\`, which builds when needed).`);
  const hash = createHash("sha256").update(css).digest("hex").slice(0, 16);
  return { path: `/assets/site-${hash}.css`, css, gzip: gzipSync(css) };
}

/** The stylesheet, for a year (its address changes with its content), compressed when the browser takes gzip. */
export function sendStylesheet(req: IncomingMessage, res: ServerResponse, stylesheet: TStylesheet) {
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? stylesheet.gzip : stylesheet.css;
  res.writeHead(200, {
    "Content-Type": "text/css; charset=utf-8",
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    Vary: "Accept-Encoding",
    "Content-Length": body.byteLength,
    ...(gzip ? { "Content-Encoding": "gzip" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
