import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import https from "node:https";

/**
 * The TCP peer's address, carried to route handlers and server actions.
 *
 * Next (16) writes the socket's address into X-Forwarded-For only when the
 * request has none (`??=` in base-server), so a client that sends its own
 * header hides the socket address from the app entirely. This stamps every
 * incoming request, before Next sees it, with a header holding the peer's
 * address behind a secret this process made at start; a client cannot write
 * a value that passes, so the header is as good as the socket itself.
 *
 * Installed from instrumentation.ts, which runs in the server process before
 * Next handles requests (a request that arrived earlier has no stamp and is
 * treated as of unknown address).
 */
const PEER_HEADER = "x-newsroom-peer";
const STATE = Symbol.for("newsroom.peer-address");

type TGlobal = typeof globalThis & { [STATE]?: { token: string } };

export function installPeerAddress(): void {
  const g = globalThis as TGlobal;
  if (g[STATE]) return;
  const token = randomBytes(18).toString("base64url");
  g[STATE] = { token };
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        req.headers[PEER_HEADER] = `${token} ${req.socket?.remoteAddress ?? ""}`;
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
  }
}

/** The peer address this process stamped on the request, or null (not stamped here, or forged). */
export function peerAddress(headers: Headers): string | null {
  const token = (globalThis as TGlobal)[STATE]?.token;
  const value = headers.get(PEER_HEADER);
  if (!token || !value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || !sameText(value.slice(0, space), token)) return null;
  return value.slice(space + 1) || null;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
