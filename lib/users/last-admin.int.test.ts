import { describe, expect, it } from "vitest";
import { withOwnDatabase } from "@/testing/own-database";

/**
 * "The last active admin" is about the whole table, so this file gets a
 * database of its own instead of sharing the run's.
 */
withOwnDatabase("lastadmin");

describe("the last active admin", () => {
  it("cannot be deactivated, and can be once another admin exists", async () => {
    const { SYSTEM_ACTOR } = await import("@/lib/auth/actor");
    const { setUserActive } = await import("./mutations");
    const { makeUser } = await import("@/testing/factories");
    const only = await makeUser({ role: "ADMIN" });
    await expect(setUserActive({ actor: SYSTEM_ACTOR, userId: only.id, active: false })).rejects.toMatchObject({ code: "CONFLICT" });

    const second = await makeUser({ role: "ADMIN" });
    await expect(setUserActive({ actor: SYSTEM_ACTOR, userId: only.id, active: false })).resolves.toMatchObject({ active: false });
    await expect(setUserActive({ actor: SYSTEM_ACTOR, userId: second.id, active: false })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps the admin role too: the last active admin cannot be demoted", async () => {
    const { SYSTEM_ACTOR } = await import("@/lib/auth/actor");
    const { changeUserRole } = await import("./mutations");
    const { prisma } = await import("@/lib/db/client");
    const [last] = await prisma.user.findMany({ where: { role: "ADMIN", active: true } });
    await expect(changeUserRole({ actor: SYSTEM_ACTOR, userId: last!.id, role: "EDITOR" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: last!.id } })).role).toBe("ADMIN");
  });
});
