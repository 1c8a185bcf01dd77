import "server-only";
import { prisma } from "./client";
import { isDatabaseUnavailable } from "./unavailable";

/**
 * Whether the database answers right now: one `SELECT 1` on the pool. Pages
 * cannot choose their HTTP status in the App Router, so the proxy asks this
 * before a page that cannot render without the database (search), and
 * answers 503 itself when it is down.
 */
export async function databaseReachable(): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch (err) {
    if (isDatabaseUnavailable(err)) return false;
    throw err;
  }
}
