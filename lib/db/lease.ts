import "server-only";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { prisma } from "./client";

/**
 * Background work that one process does at a time, whichever it is (the weather
 * refresh; next, webhook deliveries): a lease in the database. A process holds
 * it until `expiresAt` and renews it while it works; once it lapses (the holder
 * stopped or died), the next process to ask takes it over. Times are the
 * database's own clock, so machines' clocks never disagree about it.
 */

/** This process, as a lease holder. */
export const PROCESS_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

/** Take or renew the lease `name` for `ms`; false when another process holds it. */
export async function claimLease(name: string, ms: number, holder = PROCESS_ID): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ holder: string }[]>`
    INSERT INTO "Lease" (name, holder, "expiresAt")
    VALUES (${name}, ${holder}, (now() AT TIME ZONE 'UTC') + ${ms} * interval '1 millisecond')
    ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, "expiresAt" = EXCLUDED."expiresAt"
      WHERE "Lease"."expiresAt" <= (now() AT TIME ZONE 'UTC') OR "Lease".holder = EXCLUDED.holder
    RETURNING holder`;
  return rows.length > 0;
}

/** Give the lease up (at shutdown), so another process need not wait for it to lapse. */
export async function releaseLease(name: string, holder = PROCESS_ID): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "Lease" WHERE name = ${name} AND holder = ${holder}`;
}
