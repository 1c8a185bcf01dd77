import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { actorOf, makeUser, uniqueEmail } from "@/testing/factories";
import { changeOwnPassword, changeUserRole, resetUserPassword } from "@/lib/users/mutations";
import { SYSTEM_ACTOR } from "./actor";
import { actorForSession, authenticate, SESSION_IDLE_MS } from "./sessions";
import { emailKey } from "./throttle";

const address = () => `203.0.113.${randomBytes(1)[0]}-${randomBytes(3).toString("hex")}`;
const attempt = (email: string, password: string, clientAddress: string) => authenticate({ email, password }, { clientAddress }).catch((e: unknown) => e);

describe("sign-in throttling", () => {
  it("refuses the sixth attempt after five wrong passwords, the right one included, and a success starts the email over", async () => {
    const user = await makeUser();
    const from = address();
    for (let i = 0; i < 5; i++) expect(await attempt(user.email, "wrong-password", from)).toMatchObject({ code: "UNAUTHORIZED" });
    const refused = await attempt(user.email, user.password, address()); // another address: the email itself is locked
    expect(refused).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/try again in 1 minute/), retryAfterSeconds: expect.any(Number) });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);

    // The wait ends (moved into the past here): the right password works and the counter starts over.
    await prisma.loginThrottle.update({ where: { key: emailKey(user.email) }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await attempt(user.email, user.password, address())).toMatchObject({ sessionId: expect.any(String) });
    expect(await prisma.loginThrottle.findUnique({ where: { key: emailKey(user.email) } })).toBeNull();
  });

  it("locks a client address after five failures spread over different emails, and leaves other clients alone", async () => {
    const from = address();
    for (let i = 0; i < 5; i++) await attempt(uniqueEmail("stuffing"), "guess", from);
    const user = await makeUser();
    expect(await attempt(user.email, user.password, from)).toMatchObject({ code: "RATE_LIMITED" });
    expect(await attempt(user.email, user.password, address())).toMatchObject({ sessionId: expect.any(String) });
  });

  it("counts parallel guesses from several processes, every one", async () => {
    const user = await makeUser();
    await Promise.all(Array.from({ length: 5 }, () => attempt(user.email, "wrong", address())));
    expect(await attempt(user.email, user.password, address())).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("forgets keys untouched for two days (unless still locked) when it next counts a failure", async () => {
    const old = new Date(Date.now() - 3 * 24 * 60 * 60_000);
    await prisma.loginThrottle.createMany({
      data: [
        { key: "ip:prune-me", failures: 2, windowStart: old, updatedAt: old },
        { key: "ip:still-locked", failures: 0, windowStart: old, lockedUntil: new Date(Date.now() + 60_000), updatedAt: old },
      ],
    });
    await prisma.$executeRaw`UPDATE "LoginThrottle" SET "updatedAt" = ${old} WHERE key IN ('ip:prune-me', 'ip:still-locked')`;
    await attempt(uniqueEmail("prune"), "wrong", address());
    expect(await prisma.loginThrottle.findUnique({ where: { key: "ip:prune-me" } })).toBeNull();
    expect(await prisma.loginThrottle.findUnique({ where: { key: "ip:still-locked" } })).not.toBeNull();
  });

  it("writes sign-ins, failures and refusals to the audit log with the client address", async () => {
    const user = await makeUser();
    const from = address();
    await attempt(user.email, "wrong", from);
    await attempt(user.email, user.password, from);
    const events = await prisma.auditEvent.findMany({ where: { details: { path: ["address"], equals: from } }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["auth.sign-in-failed", "auth.sign-in"]);
    expect(events[1]!.actorId).toBe(user.id);
  });
});

describe("known devices (OWASP device cookies)", () => {
  const device = (userId: string) => ({ userId, deviceId: randomBytes(16).toString("base64url") });
  const attemptOn = (d: { userId: string; deviceId: string } | null, email: string, password: string, clientAddress = address()) =>
    authenticate({ email, password }, { clientAddress, device: d }).catch((e: unknown) => e);

  it("lets the owner in from a device the account signed in from before while guesses from five addresses keep strangers out", async () => {
    const user = await makeUser();
    const { deviceId } = await authenticate({ email: user.email, password: user.password }, { clientAddress: address() });
    for (let i = 0; i < 5; i++) expect(await attempt(user.email, `guess-${i}`, address())).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await attempt(user.email, user.password, address())).toMatchObject({ code: "RATE_LIMITED" });
    const owner = await attemptOn({ userId: user.id, deviceId }, user.email, user.password);
    expect(owner).toMatchObject({ sessionId: expect.any(String), deviceId });
    // The owner's success does not lift the account's lock for everyone else.
    expect(await attempt(user.email, user.password, address())).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("counts wrong passwords on a known device against that device alone", async () => {
    const user = await makeUser();
    const known = device(user.id);
    for (let i = 0; i < 5; i++) expect(await attemptOn(known, user.email, `slip-${i}`)).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await attemptOn(known, user.email, user.password)).toMatchObject({ code: "RATE_LIMITED" });
    expect(await prisma.loginThrottle.findUnique({ where: { key: emailKey(user.email) } })).toBeNull();
    expect(await attempt(user.email, user.password, address())).toMatchObject({ sessionId: expect.any(String) });
    expect(await attemptOn(device(user.id), user.email, user.password)).toMatchObject({ sessionId: expect.any(String) });
  });

  it("a device cookie counts only for the account it names", async () => {
    const victim = await makeUser();
    const other = await makeUser();
    for (let i = 0; i < 5; i++) await attempt(victim.email, `guess-${i}`, address());
    expect(await attemptOn(device(other.id), victim.email, victim.password)).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("gives a new device id to a browser without one, to keep", async () => {
    const user = await makeUser();
    const first = await authenticate({ email: user.email, password: user.password }, { clientAddress: address() });
    const second = await authenticate({ email: user.email, password: user.password }, { clientAddress: address() });
    expect(first.deviceId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second.deviceId).not.toBe(first.deviceId);
  });
});

describe("the current-password check on /newsroom/account", () => {
  it("is throttled per account and address: five wrong guesses, then even the right one waits", async () => {
    const user = await makeUser();
    const actor = actorOf(user);
    const from = address();
    const change = (currentPassword: string, clientAddress = from) =>
      changeOwnPassword({ actor, sessionId: null, currentPassword, newPassword: "another-password-33", endOtherSessions: false, clientAddress }).catch(
        (e: unknown) => e,
      );
    for (let i = 0; i < 5; i++) expect(await change(`guess-${i}`)).toMatchObject({ code: "INVALID_INPUT" });
    expect(await change(user.password)).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/try again in 1 minute/) });
    expect(await change(user.password, address())).toMatchObject({ code: "RATE_LIMITED" });
    // The guesses count against the account's sign-ins from strangers too.
    expect(await attempt(user.email, user.password, address())).toMatchObject({ code: "RATE_LIMITED" });
    expect(await prisma.auditEvent.count({ where: { action: "user.password-change", actorId: user.id } })).toBe(0);
  });

  it("locks a client address that guesses across accounts' sessions", async () => {
    const from = address();
    for (let i = 0; i < 5; i++) {
      const user = await makeUser();
      await changeOwnPassword({
        actor: actorOf(user),
        sessionId: null,
        currentPassword: "guess",
        newPassword: "another-password-33",
        endOtherSessions: false,
        clientAddress: from,
      }).catch(() => null);
    }
    const user = await makeUser();
    await expect(
      changeOwnPassword({
        actor: actorOf(user),
        sessionId: null,
        currentPassword: user.password,
        newPassword: "another-password-33",
        endOtherSessions: false,
        clientAddress: from,
      }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("sessions end", () => {
  const signIn = async (user: { email: string; password: string }) =>
    (await authenticate({ email: user.email, password: user.password }, { clientAddress: address() })).sessionId;

  it("after sitting idle too long", async () => {
    const user = await makeUser();
    const sessionId = await signIn(user);
    await prisma.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 60_000) } });
    expect(await actorForSession(sessionId)).toBeNull();
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
  });

  it("when the role changes, and when an admin resets the password", async () => {
    const user = await makeUser({ role: "CONTRIBUTOR" });
    const first = await signIn(user);
    await changeUserRole({ actor: SYSTEM_ACTOR, userId: user.id, role: "EDITOR" });
    expect(await actorForSession(first)).toBeNull();
    const second = await signIn(user);
    await resetUserPassword({ actor: SYSTEM_ACTOR, userId: user.id, password: "a-brand-new-password-1" });
    expect(await actorForSession(second)).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "user.password-reset", details: { path: ["email"], equals: user.email } } })).toBe(1);
  });

  it("elsewhere when you change your own password and ask for it; this one stays", async () => {
    const user = await makeUser();
    const here = await signIn(user);
    const elsewhere = await signIn(user);
    const actor = actorOf(user);
    await expect(
      changeOwnPassword({ actor, sessionId: here, currentPassword: "not-it", newPassword: "another-password-22", endOtherSessions: true }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await actorForSession(elsewhere)).not.toBeNull();
    const { endedSessions } = await changeOwnPassword({
      actor,
      sessionId: here,
      currentPassword: user.password,
      newPassword: "another-password-22",
      endOtherSessions: true,
    });
    expect(endedSessions).toBe(1);
    expect(await actorForSession(here)).not.toBeNull();
    expect(await actorForSession(elsewhere)).toBeNull();
    await expect(authenticate({ email: user.email, password: "another-password-22" })).resolves.toMatchObject({ sessionId: expect.any(String) });
  });
});
