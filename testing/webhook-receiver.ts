import http from "node:http";
import type { AddressInfo } from "node:net";

export type TReceived = { at: number; headers: Record<string, string>; body: string };

/**
 * A webhook receiver on loopback for tests: records every POST (headers and raw
 * body) and answers with what `answer` says for it — by default 200. `answer`
 * is given the request and how many times this message id arrived before.
 */
export async function startReceiver(answer: (r: TReceived, seenBefore: number) => number = () => 200) {
  const received: TReceived[] = [];
  const waiting: { check: () => boolean; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
      const r: TReceived = { at: Date.now(), headers, body: Buffer.concat(chunks).toString("utf8") };
      const before = received.filter((p) => p.headers["webhook-id"] === headers["webhook-id"]).length;
      received.push(r);
      res.writeHead(answer(r, before), { "Content-Type": "text/plain" }).end("thanks");
      for (const w of waiting.splice(0))
        if (w.check()) w.resolve();
        else waiting.push(w);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    /** Resolves when `check` holds (it is tested on each arrival), or rejects after `ms`. */
    until(check: () => boolean, ms = 10_000): Promise<void> {
      if (check()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`the receiver did not get what was awaited within ${ms} ms`)), ms);
        waiting.push({ check, resolve: () => (clearTimeout(t), resolve()) });
      });
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
