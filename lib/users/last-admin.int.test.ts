import { describe, expect, it } from "vitest";
import { withOwnDatabase } from "@/lib/testing/own-database";

/**
 * "The last active admin" is about the whole table, so this file gets a
 * database of its own instead of sharing the run's.
 */
withOwnDatabase("lastadmin");

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
