import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { makeUser, uniqueEmail } from "@/testing/factories";
import { setUserActive } from "@/lib/users/mutations";
import { actorForSession, authenticate, INVALID_CREDENTIALS_MESSAGE, revokeSession } from "./sessions";

describe("authenticate", () => {
  it("opens a session for the right password, whatever the email's case", async () => {
    const user = await makeUser({ role: "EDITOR" });
    const { sessionId, user: signedIn } = await authenticate({ email: user.email.toUpperCase(), password: user.password });
    expect(signedIn).toMatchObject({ id: user.id, role: "EDITOR" });
    expect(await actorForSession(sessionId)).toMatchObject({ kind: "user", id: user.id, role: "EDITOR" });
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    const user = await makeUser();
    const wrongPassword = await authenticate({ email: user.email, password: "not-the-password" }).catch((e) => e);
    const unknownEmail = await authenticate({ email: uniqueEmail("nobody"), password: user.password }).catch((e) => e);
    expect(wrongPassword).toMatchObject({ code: "UNAUTHORIZED", message: INVALID_CREDENTIALS_MESSAGE });
    expect(unknownEmail).toMatchObject({ code: "UNAUTHORIZED", message: INVALID_CREDENTIALS_MESSAGE });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses malformed input without throwing anything else", async () => {
    await expect(authenticate({ email: 42 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(authenticate(null)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses a deactivated account even with the right password", async () => {
    const user = await makeUser();
    await setUserActive({ actor: SYSTEM_ACTOR, userId: user.id, active: false });
    await expect(authenticate({ email: user.email, password: user.password })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("actorForSession", () => {
  it("ends with sign-out: the same session id no longer signs anyone in", async () => {
    const user = await makeUser();
    const { sessionId } = await authenticate({ email: user.email, password: user.password });
    await revokeSession(sessionId);
    expect(await actorForSession(sessionId)).toBeNull();
  });

  it("ends every session of a user who is deactivated", async () => {
    const user = await makeUser();
    const a = await authenticate({ email: user.email, password: user.password });
    const b = await authenticate({ email: user.email, password: user.password });
    await setUserActive({ actor: SYSTEM_ACTOR, userId: user.id, active: false });
    expect(await actorForSession(a.sessionId)).toBeNull();
    expect(await actorForSession(b.sessionId)).toBeNull();
    // Reactivation does not bring old sessions back: they were revoked, not hidden.
    await setUserActive({ actor: SYSTEM_ACTOR, userId: user.id, active: true });
    expect(await actorForSession(a.sessionId)).toBeNull();
  });

  it("records when a session was last used, a few minutes at a time", async () => {
    const user = await makeUser();
    const { sessionId } = await authenticate({ email: user.email, password: user.password });
    const longAgo = new Date(Date.now() - 60 * 60 * 1000);
    await prisma.session.update({ where: { id: sessionId }, data: { lastSeenAt: longAgo } });
    await actorForSession(sessionId);
    const touched = (await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(longAgo.getTime());
    await actorForSession(sessionId);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(touched);
  });

  it("ignores expired and unknown sessions", async () => {
    const user = await makeUser();
    const { sessionId } = await authenticate({ email: user.email, password: user.password });
    await prisma.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await actorForSession(sessionId)).toBeNull();
    expect(await actorForSession("no-such-session")).toBeNull();
    expect(await actorForSession(undefined)).toBeNull();
  });
});
