import { afterAll, beforeAll, inject } from "vitest";
import { createMigratedTestDatabase } from "./test-database";

/**
 * For a test file whose subject is the whole database (an empty one, "the last
 * admin"): a migrated database of its own instead of the run's shared one.
 * Import lib code that uses Prisma dynamically inside the tests, so that the
 * client connects after DATABASE_URL points here.
 */
export function withOwnDatabase(label: string): void {
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const db = await createMigratedTestDatabase(inject("serverUrl"), label);
    drop = db.drop;
    process.env.DATABASE_URL = db.url; // lib/db/client connects on first use, after this
  });
  afterAll(async () => {
    const { prisma } = await import("@/lib/db/client");
    await prisma.$disconnect();
    await drop();
  });
}
