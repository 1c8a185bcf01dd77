import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadStylesheet } from "./stylesheet";

/**
 * The reader site's own files: its stylesheet (site/stylesheet.ts) and the
 * live pages' script (site/assets/live-updates.js, as written: it needs no
 * build). Each is served at an address made from its content
 * (/assets/<name>-<hash>.<ext>) as immutable, gzipped when the browser takes it.
 */
export type TAsset = { path: string; type: string; body: Buffer; gzip: Buffer };
export type TSiteAssets = { stylesheet: TAsset; liveScript: TAsset };

const LIVE_SCRIPT = path.join("site", "assets", "live-updates.js");

export function makeAsset(name: string, ext: string, type: string, body: Buffer): TAsset {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  return { path: `/assets/${name}-${hash}.${ext}`, type, body, gzip: gzipSync(body) };
}

export async function loadSiteAssets(dev: boolean): Promise<TSiteAssets> {
  return {
    stylesheet: makeAsset("site", "css", "text/css; charset=utf-8", await loadStylesheet(dev)),
    liveScript: makeAsset("live", "js", "text/javascript; charset=utf-8", readFileSync(LIVE_SCRIPT)),
  };
}

/** The asset a GET or HEAD asks for, or null. */
export function assetFor(req: IncomingMessage, assets: TSiteAssets): TAsset | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const at = req.url?.split("?")[0];
  return Object.values(assets).find((a) => a.path === at) ?? null;
}

/** An asset, for a year (its address changes with its content), compressed when the browser takes gzip. */
export function sendAsset(req: IncomingMessage, res: ServerResponse, asset: TAsset) {
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? asset.gzip : asset.body;
  res.writeHead(200, {
    "Content-Type": asset.type,
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    Vary: "Accept-Encoding",
    "Content-Length": body.byteLength,
    ...(gzip ? { "Content-Encoding": "gzip" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
