import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { config } from "@/lib/config/config";
import { isPrivateAddress } from "./address";
import { webhookHeaders } from "./signing";

/**
 * One HTTP POST of a signed message, with the limits a sender owes the
 * receiver and itself: 15 s in all, no redirects followed (a 3xx is a failure:
 * the endpoint is the address the admin registered), at most 8 KB of the answer
 * read, and — unless NEWSROOM_WEBHOOK_ALLOW_PRIVATE is on — no connection to a
 * private or loopback address, checked on the addresses the name resolves to at
 * connect time (lib/webhooks/address.ts), so a name cannot be pointed inside later.
 */
export const SEND_TIMEOUT_MS = 15_000;
const READ_LIMIT = 8 * 1024;

export type TSendResult = { statusCode: number | null; error: string | null; durationMs: number; ok: boolean };

const allowPrivate = () => config("NEWSROOM_WEBHOOK_ALLOW_PRIVATE");

/** Resolve as usual, then keep only addresses a webhook may reach. */
const publicOnly: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 0);
    const usable = (addresses as dns.LookupAddress[]).filter((a) => !isPrivateAddress(a.address));
    if (!usable.length) return callback(Object.assign(new Error(`${hostname} resolves only to private or loopback addresses`), { code: "EPRIVATE" }), "", 0);
    if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, usable);
    else callback(null, usable[0]!.address, usable[0]!.family);
  });
};

/** Why a URL may not be a webhook target, or null when it may (addresses are checked again at connect). */
export function targetProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "That is not a web address: it should look like https://example.com/hooks/newsroom.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Only http:// and https:// addresses can receive webhooks.";
  if (url.username || url.password) return "Put no user name or password in the address; check the signature instead.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate() && (host === "localhost" || host.endsWith(".localhost") || (isIP(host) && isPrivateAddress(host))))
    return "That address is this machine or a private network, which webhooks may not reach (an operator can allow it with NEWSROOM_WEBHOOK_ALLOW_PRIVATE).";
  return null;
}

/** Whether a name resolves to at least one address a webhook may reach (at registration). */
export async function resolvesPublicly(raw: string): Promise<string | null> {
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) || allowPrivate()) return null;
  try {
    const addresses = await dns.promises.lookup(host, { all: true });
    return addresses.some((a) => !isPrivateAddress(a.address))
      ? null
      : `${host} points at this machine or a private network, which webhooks may not reach (an operator can allow it with NEWSROOM_WEBHOOK_ALLOW_PRIVATE).`;
  } catch {
    return `The name ${host} could not be found (DNS). Check the address.`;
  }
}

/** POST `body`, signed with `secret`, to `url`. Never throws: what happened is in the result. */
export function sendWebhook({
  url,
  secret,
  id,
  body,
  now = new Date(),
}: {
  url: string;
  secret: string;
  id: string;
  body: string;
  now?: Date;
}): Promise<TSendResult> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): TSendResult => ({
    statusCode,
    error,
    durationMs: Math.round(performance.now() - started),
    ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
  });
  const problem = targetProblem(url);
  if (problem) return Promise.resolve(done(null, problem));
  const target = new URL(url);
  const request = target.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: TSendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = request(
      target,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(body),
          "User-Agent": "Newsroom-Webhooks/1.0",
          ...webhookHeaders(secret, id, body, now),
        },
        ...(allowPrivate() ? {} : { lookup: publicOnly }),
        agent: false,
      },
      (res) => {
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > READ_LIMIT) res.destroy();
        });
        const status = res.statusCode ?? null;
        const end = () =>
          finish(done(status, status !== null && status >= 300 && status < 400 ? `Redirected (${status}); webhooks do not follow redirects.` : null));
        res.on("end", end);
        res.on("close", end);
        res.on("error", end);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish(done(null, `No answer within ${SEND_TIMEOUT_MS / 1000} s.`));
    }, SEND_TIMEOUT_MS);
    timer.unref?.();
    req.on("error", (err: NodeJS.ErrnoException) => finish(done(null, describeError(err))));
    req.end(body);
  });
}

function describeError(err: NodeJS.ErrnoException): string {
  if (err.code === "ECONNREFUSED") return "Connection refused.";
  if (err.code === "ENOTFOUND") return "The name could not be found (DNS).";
  if (err.code === "EPRIVATE") return `${err.message}: refused.`;
  if (err.code === "ECONNRESET") return "The connection was reset.";
  return err.message || String(err);
}
