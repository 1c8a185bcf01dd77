import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { actorOf, makeUser, paragraphDoc } from "@/testing/factories";
import { createStory } from "./mutations";
import { createShareLink, listShareLinks, openShareLink, revokeShareLink, SHARE_GONE } from "./share-links";

/**
 * Issue 17, item 5: an expiring, revocable link to a draft's preview for
 * someone outside the newsroom, every use recorded. (The page itself — no
 * sign-in, noindex, never cached — is tested end to end in e2e/security.)
 */
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;
const visitor = { address: "203.0.113.9", userAgent: "Lawyer's browser" };

async function draft() {
  const editor = actorOf(await makeUser({ role: "EDITOR" }));
  const story = await createStory({ actor: editor, data: { headline: "A draft for the lawyer", body: paragraphDoc("Alleged, not proven.") } });
  return { editor, story };
}

describe("share links", () => {
  it("open the draft without an account and record every use; the token is stored hashed", async () => {
    const { editor, story } = await draft();
    const { link, url } = await createShareLink({ actor: editor, data: { storyId: story.id, label: "Legal", hours: 2 } });
    expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
    const row = await prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(tokenOf(url)).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(tokenOf(url));
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(2 * 3600_000 - 60_000);

    const opened = await openShareLink(tokenOf(url), visitor);
    expect(opened.story.headline).toBe("A draft for the lawyer");
    await openShareLink(tokenOf(url), { address: null, userAgent: null });
    // A HEAD request's look is not a use.
    await openShareLink(tokenOf(url), visitor, { record: false });
    const [listed] = await listShareLinks({ actor: editor, storyId: story.id });
    expect(listed!._count.uses).toBe(2);
    expect(listed!.uses.map((u) => u.address)).toContain("203.0.113.9");
    expect(listed!.uses.map((u) => u.userAgent)).toContain("Lawyer's browser");
  });

  it("stop working when they expire or are revoked, with one sentence for every case", async () => {
    const { editor, story } = await draft();
    const { url } = await createShareLink({ actor: editor, data: { storyId: story.id, label: "Source", hours: 1 } });
    const token = tokenOf(url);
    await expect(openShareLink(token, visitor, { now: new Date(Date.now() + 3600_000 + 1_000) })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: SHARE_GONE,
    });
    expect((await openShareLink(token, visitor)).story.id).toBe(story.id);

    const [link] = await listShareLinks({ actor: editor, storyId: story.id });
    await revokeShareLink({ actor: editor, linkId: link!.id });
    await expect(openShareLink(token, visitor)).rejects.toMatchObject({ code: "NOT_FOUND", message: SHARE_GONE });
    await expect(openShareLink("x".repeat(43), visitor)).rejects.toMatchObject({ code: "NOT_FOUND", message: SHARE_GONE });
    await expect(openShareLink("../../etc/passwd", visitor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Refused openings are not uses.
    expect((await listShareLinks({ actor: editor, storyId: story.id }))[0]!._count.uses).toBe(1);
  });

  it("are the desk's: contributors cannot make them, and bad input is named", async () => {
    const { editor, story } = await draft();
    const contributor = actorOf(await makeUser());
    await expect(createShareLink({ actor: contributor, data: { storyId: story.id, label: "Me" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createShareLink({ actor: null, data: { storyId: story.id, label: "Me" } })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(createShareLink({ actor: editor, data: { storyId: story.id, label: "", hours: 10_000 } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { label: [expect.any(String)], hours: ["At most 30 days."] },
    });
    await expect(createShareLink({ actor: editor, data: { storyId: "no-such-story", label: "Legal" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
