import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import type { TRichDoc } from "@/lib/richtext/types";
import { makeUser } from "@/testing/factories";
import { createStory, restoreRevision, updateStory } from "./mutations";
import { getStoryForEditor } from "./queries";
import { compareRevisions, listRevisions } from "./revisions";

const actorOf = (u: { id: string; role: "CONTRIBUTOR" | "EDITOR" | "ADMIN"; name: string; email: string }): TActor => ({ kind: "user", ...u });
const body = (text: string): TRichDoc => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describe("revisions", () => {
  it("coalesce typing, keep explicit saves, compare word by word, and restore without destroying anything", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const other = actorOf(await makeUser());
    const story = await createStory({ actor: editor, data: { headline: "Budget talks", body: body("Talks began on Monday.") } });
    let v = await updateStory({
      actor: editor,
      storyId: story.id,
      baseVersion: story.version,
      data: { headline: "Budget talks", body: body("Talks began on Monday!") },
    });
    v = await updateStory({
      actor: editor,
      storyId: story.id,
      baseVersion: v.version,
      data: { headline: "Budget talks", body: body("Talks began on Tuesday.") },
    });
    v = await updateStory({
      actor: editor,
      storyId: story.id,
      baseVersion: v.version,
      kind: "SAVE",
      data: { headline: "Budget talks end", body: body("Talks collapsed on Friday.") },
    });
    const list = await listRevisions({ actor: editor, storyId: story.id });
    // Created, one coalesced autosave for two saves, one explicit save.
    expect(list.map((r) => [r.number, r.kind])).toEqual([
      [3, "SAVE"],
      [2, "AUTOSAVE"],
      [1, "SAVE"],
    ]);
    const diff = await compareRevisions({ actor: editor, storyId: story.id, from: 3, to: 1 });
    const text = diff.find((f) => f.field === "body")!;
    expect(text.parts.filter((p) => p.removed).map((p) => p.value.trim())).toContain("began");
    expect(text.parts.filter((p) => p.added).map((p) => p.value.trim())).toContain("collapsed");
    expect(
      diff
        .find((f) => f.field === "headline")!
        .parts.filter((p) => p.added)
        .map((p) => p.value.trim()),
    ).toEqual(["end"]);
    expect(diff.find((f) => f.field === "credits")!.changed).toBe(false);

    await expect(listRevisions({ actor: other, storyId: story.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const restored = await restoreRevision({ actor: editor, storyId: story.id, baseVersion: v.version, number: 1 });
    expect(restored.version).toBe(v.version + 1);
    expect((await getStoryForEditor({ actor: editor, storyId: story.id })).body).toEqual(body("Talks began on Monday."));
    const after = await listRevisions({ actor: editor, storyId: story.id });
    expect(after.map((r) => [r.number, r.kind, r.summary])[0]).toEqual([4, "RESTORE", "Restored revision 1"]);
    expect(after).toHaveLength(4);
  });
});
