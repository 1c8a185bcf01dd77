import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";

/**
 * Counting API key use without a write per request. Each process adds its
 * requests up in memory and writes them every quarter second into its own row
 * per key and minute (`flushApiKeyUsage`, one statement for every key it
 * served). A request is judged against what the other processes have written
 * this minute (read with the key, one indexed read) plus everything this
 * process has counted: exact within a process, whenever its own writes land
 * (an earlier design subtracted its own written counts from the minute's total
 * and undercounted while a write was in flight), and across N processes short
 * by at most what the others served in their last quarter second. In return a request costs a read
 * instead of a contended, fsynced update of one row (issue 17's note has the
 * figures). A crash loses at most a quarter second of counts.
 *
 * Minutes are the database's (UTC, epoch seconds), so processes with skewed
 * clocks agree on them.
 */
const FLUSH_MS = 250;

/** This process's name in the use rows: new each start (a restarted process's counts stay in its old row). */
export const USAGE_PROCESS = randomUUID();

type TSlot = { keyId: string; minute: number; counted: number; limited: number; sent: number; sentLimited: number };
const slots = new Map<string, TSlot>();
let timer: ReturnType<typeof setInterval> | null = null;
let chain: Promise<void> = Promise.resolve();

/**
 * Judge and count one request: `others` is what other processes had written
 * for the minute when the key was read. No await between judging and counting,
 * so concurrent requests in one process see each other.
 */
export function countUse(keyId: string, minute: number, others: number, limit: number): { requests: number; limited: boolean } {
  const key = `${keyId}@${minute}`;
  let s = slots.get(key);
  if (!s) slots.set(key, (s = { keyId, minute, counted: 0, limited: 0, sent: 0, sentLimited: 0 }));
  const requests = others + s.counted + 1;
  const limited = requests > limit;
  s.counted++;
  if (limited) s.limited++;
  if (!timer) {
    timer = setInterval(() => void flushApiKeyUsage(), FLUSH_MS);
    timer.unref?.();
  }
  return { requests, limited };
}

/** Write what this process has counted and not written (tests call it to read the use back; the server on shutdown). */
export function flushApiKeyUsage(): Promise<void> {
  chain = chain.then(writeCounts);
  return chain;
}

async function writeCounts(): Promise<void> {
  const batch: { s: TSlot; requests: number; limited: number }[] = [];
  for (const [key, s] of slots) {
    if (s.counted > s.sent) batch.push({ s, requests: s.counted - s.sent, limited: s.limited - s.sentLimited });
    // A slot all written and two minutes old is only in the database now.
    else if (Date.now() / 1000 - s.minute > 120) slots.delete(key);
  }
  if (!batch.length) return;
  for (const b of batch) {
    b.s.sent += b.requests;
    b.s.sentLimited += b.limited;
  }
  try {
    await prisma.$executeRaw`
      INSERT INTO "ApiKeyUsage" ("keyId", minute, process, requests, limited)
      SELECT k, to_timestamp(m) AT TIME ZONE 'UTC', ${USAGE_PROCESS}, r, l
      FROM unnest(${batch.map((b) => b.s.keyId)}::text[], ${batch.map((b) => b.s.minute)}::bigint[], ${batch.map((b) => b.requests)}::int[], ${batch.map((b) => b.limited)}::int[]) AS t(k, m, r, l)
      WHERE EXISTS (SELECT 1 FROM "ApiKey" WHERE id = k)
      ON CONFLICT ("keyId", minute, process) DO UPDATE SET requests = "ApiKeyUsage".requests + excluded.requests, limited = "ApiKeyUsage".limited + excluded.limited`;
  } catch (err) {
    // Not written: counted again on the next try (the database may be away for a moment).
    for (const b of batch) {
      b.s.sent -= b.requests;
      b.s.sentLimited -= b.limited;
    }
    console.error("[api-keys] writing key use failed:", (err as Error).message ?? err);
  }
}
