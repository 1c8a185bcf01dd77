import "server-only";
import pg from "pg";
import { EVENTS_CHANNEL } from "@/lib/changes";
import { config } from "@/lib/config/config";
import { prisma } from "@/lib/db/client";

/**
 * Every app process hears every event (lib/changes.ts writes them, one row per
 * public change, in the change's own transaction) and hands them, in id order,
 * to its consumers: the page cache now; webhooks and live pages next.
 *
 * How nothing is missed: each consumer has a cursor (the last event id it
 * applied). The stream LISTENs on one connection of its own; a notification,
 * a reconnect, or a slow poll (POLL_MS, for a notification lost with no error)
 * reads every row past the lowest cursor. Ids commit in order (lib/changes.ts),
 * so "past the cursor" is exactly what is new. A consumer that fails keeps its
 * cursor and is given the same events again a moment later.
 *
 * LISTEN needs a session of its own: behind pgbouncer in transaction mode, point
 * NEWSROOM_EVENTS_DATABASE_URL at PostgreSQL itself (or a session-mode pool).
 */

export type TEvent = { id: string; type: string; subject: string; labels: string[]; payload: unknown; createdAt: Date };

export type TConsumer = {
  name: string;
  /** Where to start: the id of the last event already applied, or null for "only what comes from now on". */
  start(): Promise<string | null>;
  /** Apply these events (in order); throw to be given them again. */
  apply(events: TEvent[]): Promise<void>;
};

const BATCH = 500;
const POLL_MS = 5_000;
const RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

/** What the health route shows of this process's stream. */
export type TStreamState = { listening: boolean; applied: Record<string, string> };
const STATE = Symbol.for("newsroom.events");
const stateSlot = globalThis as unknown as { [STATE]?: TStreamState };

/** This process's event stream, as the health route reports it (null when none runs here). */
export function eventStreamState(): TStreamState | null {
  return stateSlot[STATE] ?? null;
}

/** Rows past `after`, oldest first. */
async function eventsAfter(after: string, limit = BATCH): Promise<TEvent[]> {
  const rows = await prisma.$queryRaw<{ id: bigint; type: string; subject: string; labels: string[]; payload: unknown; createdAt: Date }[]>`
    SELECT id, type, subject, labels, payload, "createdAt" FROM "Event" WHERE id > ${BigInt(after)} ORDER BY id LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/** The newest event's id ("0" when there is none). */
export async function latestEventId(): Promise<string> {
  const [row] = await prisma.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM "Event"`;
  return String(row?.id ?? 0);
}

/** Start hearing events for these consumers; `stop` ends it (for tests and shutdown). */
export async function startEventStream(consumers: TConsumer[]): Promise<{ stop(): Promise<void>; state: TStreamState }> {
  const state: TStreamState = { listening: false, applied: {} };
  stateSlot[STATE] = state;
  const cursors = new Map<TConsumer, string>();
  for (const consumer of consumers) {
    const cursor = (await consumer.start()) ?? (await latestEventId());
    cursors.set(consumer, cursor);
    state.applied[consumer.name] = cursor;
  }

  let stopped = false;
  let client: pg.Client | null = null;
  let draining: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;

  // Each consumer on its own: one that fails (Redis away) does not hold up the others.
  const drainOnce = async () => {
    let failed: unknown = null;
    for (const consumer of consumers) {
      try {
        for (;;) {
          const events = await eventsAfter(cursors.get(consumer)!);
          if (!events.length) break;
          await consumer.apply(events);
          const last = events.at(-1)!.id;
          cursors.set(consumer, last);
          state.applied[consumer.name] = last;
          if (events.length < BATCH) break;
        }
      } catch (err) {
        failed ??= new Error(`${consumer.name}: ${(err as Error)?.message ?? err}`);
      }
    }
    if (failed) throw failed;
  };

  const drain = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      do {
        again = false;
        try {
          await drainOnce();
          failures = 0;
        } catch (err) {
          const wait = RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]!;
          if (failures === 1 || failures % 20 === 0)
            console.error(`[events] applying events failed (trying again in ${wait} ms):`, (err as Error).message ?? err);
          retry ??= setTimeout(() => {
            retry = null;
            void drain();
          }, wait);
          retry.unref?.();
          break;
        }
      } while (again && !stopped);
    })().finally(() => (draining = null));
    return draining;
  };

  let reconnects = 0;
  const connect = async () => {
    if (stopped) return;
    const connectionString = config("NEWSROOM_EVENTS_DATABASE_URL") || config("DATABASE_URL");
    const c = new pg.Client({ connectionString, keepAlive: true, connectionTimeoutMillis: 5_000 });
    const lost = (why: unknown) => {
      if (client !== c) return;
      client = null;
      state.listening = false;
      c.removeAllListeners();
      void c.end().catch(() => {});
      if (stopped) return;
      const wait = RETRY_MS[Math.min(reconnects++, RETRY_MS.length - 1)]!;
      if (reconnects === 1 || reconnects % 20 === 0)
        console.error(`[events] lost the database listener (${(why as Error)?.message ?? why}); reconnecting in ${wait} ms`);
      setTimeout(() => void connect(), wait).unref?.();
    };
    client = c;
    c.on("error", lost);
    c.on("end", () => lost(new Error("connection ended")));
    c.on("notification", (n) => {
      if (n.channel === EVENTS_CHANNEL) void drain();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`);
      state.listening = true;
      reconnects = 0;
      // Whatever was written while not listening.
      await drain();
    } catch (err) {
      lost(err);
    }
  };

  await connect();
  const poll = setInterval(() => void drain(), POLL_MS);
  poll.unref?.();

  return {
    state,
    async stop() {
      stopped = true;
      clearInterval(poll);
      if (retry) clearTimeout(retry);
      await draining;
      const c = client;
      client = null;
      state.listening = false;
      if (c) {
        c.removeAllListeners();
        await c.end().catch(() => {});
      }
      if (stateSlot[STATE] === state) delete stateSlot[STATE];
    },
  };
}
