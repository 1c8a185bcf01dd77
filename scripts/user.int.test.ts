import { describe, expect, it } from "vitest";
import { withOwnDatabase } from "@/testing/own-database";
import { scriptRunner } from "@/testing/run-script";

/**
 * `npm run user` as the operator runs it: the real script in its own process,
 * in a folder whose .env names the database (no DATABASE_URL in its
 * environment), so this also proves .env is read. A database of its own: the
 * list and "the last admin" are about the whole table.
 */
withOwnDatabase("usercli");
const user = scriptRunner("user");

describe("npm run user", () => {
  it("lists accounts with role, state and last sign-in; creates one from piped input", async () => {
    const empty = await user(["list"]);
    expect(empty).toMatchObject({ code: 0, stdout: expect.stringContaining("No accounts yet.") });

    const created = await user(
      ["create", "--email", "Chief@Paper.Example", "--name", "Chief Editor", "--role", "admin", "--password-stdin"],
      "the chief's password\n",
    );
    expect(created).toMatchObject({ code: 0, stdout: "Created ADMIN chief@paper.example (Chief Editor).\n" });

    const { authenticate } = await import("@/lib/auth/sessions");
    await authenticate({ email: "chief@paper.example", password: "the chief's password" });
    const { makeUser } = await import("@/testing/factories");
    await makeUser({ role: "EDITOR", email: "zed@paper.example" });

    const listed = await user(["list"]);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^EMAIL\s+NAME\s+ROLE\s+ACTIVE\s+LAST SIGN-IN$/);
    expect(lines[1]).toMatch(/^chief@paper\.example\s+Chief Editor\s+ADMIN\s+yes\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(lines[2]).toMatch(/^zed@paper\.example\s+Test Person\s+EDITOR\s+yes\s+never$/);
  });

  it("reset-password: a new password that works, the old sessions ended, the sign-in lock lifted, audited as the command line", async () => {
    const { makeUser } = await import("@/testing/factories");
    const { authenticate, actorForSession } = await import("@/lib/auth/sessions");
    const { recordFailure, attemptKeys, lockedFor } = await import("@/lib/auth/throttle");
    const { prisma } = await import("@/lib/db/client");
    const locked = await makeUser({ role: "ADMIN", email: "locked-out@paper.example" });
    const { sessionId } = await authenticate({ email: locked.email, password: locked.password });
    const keys = attemptKeys({ email: locked.email, address: null });
    for (let i = 0; i < 5; i++) await recordFailure(keys);
    expect(await lockedFor(keys)).toBeGreaterThan(0);

    const reset = await user(["reset-password", "locked-out@paper.example"]);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain("Set a new password for locked-out@paper.example; its sessions have ended.");
    const made = reset.stdout.match(/^New password: (\S+)$/m)?.[1];
    expect(made).toHaveLength(24);

    expect(await actorForSession(sessionId)).toBeNull();
    expect(await lockedFor(keys)).toBe(0);
    await expect(authenticate({ email: locked.email, password: locked.password })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(authenticate({ email: locked.email, password: made! })).resolves.toMatchObject({ user: { email: locked.email } });
    const audit = await prisma.auditEvent.findFirst({ where: { action: "user.password-reset" }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ actorId: null, details: { email: locked.email } });

    const piped = await user(["reset-password", "--password-stdin", "locked-out@paper.example"], "a chosen new password\n");
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toContain("New password:");
    await expect(authenticate({ email: locked.email, password: "a chosen new password" })).resolves.toBeTruthy();
    expect(await user(["reset-password", "--password-stdin", "locked-out@paper.example"], "short\n")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("--password: Use at least 10 characters."),
    });
  });

  it("set-role: changes the role and ends the sessions; the last active admin keeps the role", async () => {
    const { makeUser } = await import("@/testing/factories");
    const { authenticate, actorForSession } = await import("@/lib/auth/sessions");
    const { prisma } = await import("@/lib/db/client");
    const writer = await makeUser({ role: "CONTRIBUTOR", email: "writer@paper.example" });
    const { sessionId } = await authenticate({ email: writer.email, password: writer.password });

    expect(await user(["set-role", "writer@paper.example", "editor"])).toMatchObject({
      code: 0,
      stdout: "writer@paper.example is now EDITOR (was CONTRIBUTOR); its sessions have ended.\n",
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: writer.id } })).role).toBe("EDITOR");
    expect(await actorForSession(sessionId)).toBeNull();

    // Leave one active admin, then try to demote them.
    const admins = await prisma.user.findMany({ where: { role: "ADMIN", active: true }, orderBy: { email: "asc" } });
    await prisma.user.updateMany({ where: { id: { in: admins.slice(1).map((a) => a.id) } }, data: { active: false } });
    const last = admins[0]!;
    const refused = await user(["set-role", last.email, "EDITOR"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("This is the last active admin, so you cannot take away the admin role.");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: last.id } })).role).toBe("ADMIN");
  });

  it("says clearly what is wrong", async () => {
    expect(await user(["set-role", "nobody@paper.example", "EDITOR"])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("No account has the email nobody@paper.example."),
    });
    const usage = await user(["promote", "writer@paper.example"]);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('"promote" is not a command.');
    expect(usage.stderr).toContain("Usage: npm run user -- <command>");
  });
});
