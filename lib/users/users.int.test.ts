import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type TActor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/client";
import { makeUser, uniqueEmail } from "@/testing/factories";
import { actorForSession, authenticate } from "@/lib/auth/sessions";
import { changeUserRole, createUser, resetUserPassword, setUserActive } from "./mutations";
import { listUsers } from "./queries";
import { listAudit } from "@/lib/audit/audit";

const asUser = (u: { id: string; role: "CONTRIBUTOR" | "EDITOR" | "ADMIN" }): TActor => ({
  kind: "user",
  id: u.id,
  role: u.role,
  name: "x",
  email: "x@x.test",
});

describe("createUser", () => {
  it("stores an argon2id hash, never the password", async () => {
    const email = uniqueEmail();
    const created = await createUser({ actor: SYSTEM_ACTOR, data: { email, name: "Jane Roe", role: "EDITOR", password: "a long password 1" } });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("a long password 1");
    expect(await verifyPassword(row.passwordHash, "a long password 1")).toBe(true);
  });

  it("is for admins only", async () => {
    const editor = await makeUser({ role: "EDITOR" });
    await expect(
      createUser({ actor: asUser(editor), data: { email: uniqueEmail(), name: "X", role: "ADMIN", password: "a long password 1" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await makeUser({ role: "ADMIN" });
    await expect(
      createUser({ actor: asUser(admin), data: { email: uniqueEmail(), name: "X", role: "CONTRIBUTOR", password: "a long password 1" } }),
    ).resolves.toMatchObject({ role: "CONTRIBUTOR" });
  });

  it("says which fields are wrong", async () => {
    const err = await createUser({ actor: SYSTEM_ACTOR, data: { email: "nope", name: "", role: "CONTRIBUTOR", password: "short" } }).catch((e) => e);
    expect(err).toMatchObject({ code: "INVALID_INPUT" });
    expect(Object.keys(err.fieldErrors).sort()).toEqual(["email", "name", "password"]);
  });

  it("refuses a second account with the same email, in any case", async () => {
    const first = await makeUser();
    const err = await createUser({
      actor: SYSTEM_ACTOR,
      data: { email: first.email.toUpperCase(), name: "Twin", role: "CONTRIBUTOR", password: "a long password 1" },
    }).catch((e) => e);
    expect(err).toMatchObject({ code: "CONFLICT" });
    expect(err.message).toContain(first.email);
  });
});

describe("setUserActive", () => {
  it("is for admins only", async () => {
    const editor = await makeUser({ role: "EDITOR" });
    const target = await makeUser();
    await expect(setUserActive({ actor: asUser(editor), userId: target.id, active: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("says NOT_FOUND for an unknown account", async () => {
    await expect(setUserActive({ actor: SYSTEM_ACTOR, userId: "missing", active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("changeUserRole", () => {
  it("is for admins, checks the role, and ends the person's sessions: they sign in again under the new role", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const target = await makeUser();
    const { sessionId } = await authenticate({ email: target.email, password: target.password });
    await expect(changeUserRole({ actor: asUser(target), userId: target.id, role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeUserRole({ actor: asUser(admin), userId: target.id, role: "OWNER" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await actorForSession(sessionId)).toMatchObject({ role: "CONTRIBUTOR" });
    await changeUserRole({ actor: asUser(admin), userId: target.id, role: "EDITOR" });
    expect(await actorForSession(sessionId)).toBeNull();
    const again = await authenticate({ email: target.email, password: target.password });
    expect(await actorForSession(again.sessionId)).toMatchObject({ role: "EDITOR" });
  });
});

describe("resetUserPassword", () => {
  it("sets the new password and ends the person's sessions", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const target = await makeUser();
    const { sessionId } = await authenticate({ email: target.email, password: target.password });
    await expect(resetUserPassword({ actor: asUser(admin), userId: target.id, password: "short" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { password: [expect.any(String)] },
    });
    await resetUserPassword({ actor: asUser(admin), userId: target.id, password: "a brand new password" });
    expect(await actorForSession(sessionId)).toBeNull();
    await expect(authenticate({ email: target.email, password: target.password })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(authenticate({ email: target.email, password: "a brand new password" })).resolves.toBeTruthy();
  });

  it("is for admins only", async () => {
    const editor = await makeUser({ role: "EDITOR" });
    await expect(resetUserPassword({ actor: asUser(editor), userId: editor.id, password: "a brand new password" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("listUsers", () => {
  it("is for admins only and never returns password hashes", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const editor = await makeUser({ role: "EDITOR" });
    await expect(listUsers({ actor: asUser(editor) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const users = await listUsers({ actor: asUser(admin) });
    expect(users.map((u) => u.id)).toContain(editor.id);
    expect(JSON.stringify(users)).not.toContain("argon2");
  });
});

describe("the audit log", () => {
  it("records role changes and deactivations, and only admins read it", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const target = await makeUser();
    const actor = { kind: "user" as const, ...admin };
    await changeUserRole({ actor, userId: target.id, role: "EDITOR" });
    await setUserActive({ actor, userId: target.id, active: false });
    const { events } = await listAudit({ actor });
    const mine = events.filter((e) => (e.details as { email?: string }).email === target.email).map((e) => [e.action, e.actor?.email]);
    expect(mine).toEqual([
      ["user.deactivate", admin.email],
      ["user.role", admin.email],
    ]);
    await expect(listAudit({ actor: { ...actor, role: "EDITOR" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
