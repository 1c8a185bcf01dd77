import { describe, expect, it } from "vitest";
import { withOwnDatabase } from "@/testing/own-database";

/**
 * Issue 18, item 3: the desk's breaking-news banner. A database of its own:
 * the banner is the whole site's (a banner up here would be on every page other
 * tests render).
 */
withOwnDatabase("banner");

describe("the breaking-news banner", () => {
  it("is put up, replaced and taken down by the desk, each change an event every reader page's label expires by", async () => {
    const { prisma } = await import("@/lib/db/client");
    const { actorOf, makeUser } = await import("@/testing/factories");
    const { latestEventId } = await import("@/lib/events/stream");
    const { clearBanner, getBanner, setBanner } = await import("./banner");
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const since = BigInt(await latestEventId());
    expect(await getBanner()).toBeNull();

    await setBanner({ actor: editor, data: { text: "  Earthquake hits the coast  ", url: "/stories/earthquake" } });
    expect(await getBanner()).toMatchObject({ text: "Earthquake hits the coast", url: "/stories/earthquake" });
    await setBanner({ actor: editor, data: { text: "Aftershock felt in the capital", url: "" } });
    expect(await getBanner()).toMatchObject({ text: "Aftershock felt in the capital", url: null });
    // Replacing ends the earlier one: one banner up, the rest kept as the record.
    expect(await prisma.banner.count({ where: { endedAt: null } })).toBe(1);
    expect(await prisma.banner.count()).toBe(2);

    expect(await clearBanner({ actor: editor })).toMatchObject({ text: "Aftershock felt in the capital" });
    expect(await getBanner()).toBeNull();
    expect(await clearBanner({ actor: editor })).toBeNull();

    const events = await prisma.event.findMany({ where: { id: { gt: since }, subject: "banner" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.labels])).toEqual([
      ["banner.updated", ["banner"]],
      ["banner.updated", ["banner"]],
      ["banner.updated", ["banner"]],
    ]);
    const audit = await prisma.auditEvent.findMany({ where: { action: { in: ["banner.set", "banner.clear"] } }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["banner.set", "banner.set", "banner.clear"]);
  });

  it("is the desk's; a line too long or a link that is not a page or a web address is refused and nothing changes", async () => {
    const { actorOf, makeUser } = await import("@/testing/factories");
    const { getBanner, setBanner, clearBanner } = await import("./banner");
    const contributor = actorOf(await makeUser());
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    await expect(setBanner({ actor: contributor, data: { text: "Hacked" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(clearBanner({ actor: null })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(setBanner({ actor: editor, data: { text: "x".repeat(141) } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { text: [expect.any(String)] },
    });
    for (const url of [
      "javascript:alert(1)",
      "//evil.example/x",
      "/\\evil.example",
      "data:text/html,hi",
      "ftp://example.com/",
      "https://user:pw@example.com/",
      "/a b",
    ]) {
      await expect(setBanner({ actor: editor, data: { text: "Storm warning", url } }), url).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { url: [expect.stringMatching(/this site/)] },
      });
    }
    expect(await getBanner()).toBeNull();
    await setBanner({ actor: editor, data: { text: "Storm warning", url: "https://weather.example/storm" } });
    expect((await getBanner())?.url).toBe("https://weather.example/storm");
  });
});
