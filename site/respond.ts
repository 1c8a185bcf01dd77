import type { IncomingMessage, ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { BASE_HEADERS, HSTS, LOCAL_HOSTS, SITE_CSP } from "@/lib/http/security-headers.cjs";
import type { TAnswer } from "./cache";

/** What a CDN may do with a cached reader page: keep it a minute, serve it for a day while it fetches a new one. */
export const CDN_CACHE_CONTROL = "s-maxage=60, stale-while-revalidate=86340";
const LOCAL = new RegExp(`^(${LOCAL_HOSTS})(:\\d+)?$`);
/** Bodies smaller than this go uncompressed (gzip's own overhead). */
const GZIP_FROM = 1024;

/** An answer ready to keep and send: its body compressed once, its ETag from its bytes. */
export function makeAnswer(
  status: number,
  html: string,
  { headers = {}, cacheable = true }: { headers?: Record<string, string>; cacheable?: boolean } = {},
): TAnswer {
  const body = Buffer.from(html);
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  return {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", ...headers },
    body,
    gzip: body.byteLength >= GZIP_FROM ? gzipSync(body) : null,
    etag,
    cacheable,
  };
}

/**
 * Send an answer with the reader site's headers: security (a no-script CSP), HSTS
 * off localhost, the CDN's cache control, ETag (304 when the browser has it), gzip
 * when accepted, nothing for HEAD. `state` says where it came from (x-newsroom-cache).
 */
export function send(req: IncomingMessage, res: ServerResponse, answer: TAnswer, state: string, extra: Record<string, string> = {}) {
  const headers: Record<string, string | number> = {
    ...BASE_HEADERS,
    "Content-Security-Policy": SITE_CSP,
    "Cache-Control": answer.cacheable ? CDN_CACHE_CONTROL : "private, no-store",
    Vary: "Accept-Encoding",
    ETag: answer.etag,
    "x-newsroom-cache": state,
    ...answer.headers,
    ...extra,
  };
  if (!LOCAL.test(req.headers.host ?? "")) headers["Strict-Transport-Security"] = HSTS;
  const status = answer.status === 200 && req.headers["if-none-match"] === answer.etag ? 304 : answer.status;
  const gzip = answer.gzip && status !== 304 && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) ? answer.gzip : null;
  const body = status === 304 ? null : (gzip ?? answer.body);
  if (gzip) headers["Content-Encoding"] = "gzip";
  if (body) headers["Content-Length"] = body.byteLength;
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : (body ?? undefined));
}
