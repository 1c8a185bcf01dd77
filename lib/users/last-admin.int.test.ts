import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMigratedTestDatabase } from "@/lib/testing/test-database";

/**
 * "The last active admin" is about the whole table, so this file gets a
 * database of its own instead of sharing the run's.
 */
let drop: () => Promise<void>;
beforeAll(async () => {
  const db = await createMigratedTestDatabase(inject("serverUrl"), "lastadmin");
  drop = db.drop;
  process.env.DATABASE_URL = db.url; // lib/db/client connects on first use, after this
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db/client");
  await prisma.$disconnect();
  await drop();
});

describe("the last active admin", () => {
  it("cannot be deactivated, and can be once another admin exists", async () => {
    const { SYSTEM_ACTOR } = await import("@/lib/auth/actor");
    const { setUserActive } = await import("./mutations");
    const { makeUser } = await import("@/lib/testing/factories");
    const only = await makeUser({ role: "ADMIN" });
    await expect(setUserActive({ actor: SYSTEM_ACTOR, userId: only.id, active: false })).rejects.toMatchObject({ code: "CONFLICT" });

    const second = await makeUser({ role: "ADMIN" });
    await expect(setUserActive({ actor: SYSTEM_ACTOR, userId: only.id, active: false })).resolves.toMatchObject({ active: false });
    await expect(setUserActive({ actor: SYSTEM_ACTOR, userId: second.id, active: false })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
