import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { createPerson, setPersonRetired } from "@/lib/people/mutations";
import { createStory } from "@/lib/stories/mutations";
import { publishStory } from "@/lib/stories/transitions";
import { getPublishedStoryBySlug } from "@/lib/stories/queries";
import { makeUser } from "@/testing/factories";
import { setStoryCredits } from "./mutations";

const actorOf = (u: { id: string; role: "CONTRIBUTOR" | "EDITOR" | "ADMIN"; name: string; email: string }): TActor => ({ kind: "user", ...u });
const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Words." }] }] };

async function setup() {
  const [admin, editor, contributor] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser({ role: "EDITOR" }), makeUser()]);
  const a = { admin: actorOf(admin), editor: actorOf(editor), contributor: actorOf(contributor) };
  const tag = randomBytes(3).toString("hex");
  const jane = await createPerson({ actor: a.editor, data: { name: `Jane Roe ${tag}`, shortBio: "is the bureau chief in Beijing" } });
  const john = await createPerson({ actor: a.editor, data: { name: `John Doe ${tag}` } });
  const story = await createStory({ actor: a.editor, data: { headline: `Credited ${tag}`, body } });
  return { ...a, jane, john, story };
}

describe("story credits", () => {
  it("are stored in order and reach the public story with the people's current details", async () => {
    const { editor, jane, john, story } = await setup();
    const saved = await setStoryCredits({
      actor: editor,
      storyId: story.id,
      baseVersion: story.version,
      credits: [
        { personId: jane.id, role: "BYLINE" },
        { personId: john.id, role: "CONTRIBUTOR", location: "Beijing" },
        { personId: john.id, role: "EDITOR" },
      ],
    });
    const published = await publishStory({ actor: editor, storyId: story.id, baseVersion: saved.version });
    const page = await getPublishedStoryBySlug(published.slug);
    // The internal EDITOR credit never reaches readers.
    expect(page!.credits.map((c) => [c.role, c.person.name, c.location])).toEqual([
      ["BYLINE", jane.name, null],
      ["CONTRIBUTOR", john.name, "Beijing"],
    ]);
    // People are referenced, not copied: a new name shows everywhere.
    await prisma.person.update({ where: { id: jane.id }, data: { name: `${jane.name} Jr` } });
    expect((await getPublishedStoryBySlug(published.slug))!.credits[0]!.person.name).toBe(`${jane.name} Jr`);
  });

  it("are validated on the server: known people, roles from the list, no repeats, no new credits for the retired", async () => {
    const { admin, editor, jane, story } = await setup();
    const base = { actor: editor, storyId: story.id, baseVersion: story.version };
    await expect(setStoryCredits({ ...base, credits: [{ personId: "nobody", role: "BYLINE" }] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(setStoryCredits({ ...base, credits: [{ personId: jane.id, role: "AUTHOR" as "BYLINE" }] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      setStoryCredits({
        ...base,
        credits: [
          { personId: jane.id, role: "BYLINE" },
          { personId: jane.id, role: "BYLINE" },
        ],
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const saved = await setStoryCredits({ ...base, credits: [{ personId: jane.id, role: "BYLINE" }] });
    await setPersonRetired({ actor: admin, personId: jane.id, retired: true });
    // An existing credit stays; a new role for the retired person is refused.
    const again = await setStoryCredits({ ...base, baseVersion: saved.version, credits: [{ personId: jane.id, role: "BYLINE" }] });
    await expect(setStoryCredits({ ...base, baseVersion: again.version, credits: [{ personId: jane.id, role: "CONTRIBUTOR" }] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("retired"),
    });
  });

  it("follow the story's permissions and its version", async () => {
    const { contributor, editor, jane, story } = await setup();
    await expect(setStoryCredits({ actor: contributor, storyId: story.id, baseVersion: story.version, credits: [] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await setStoryCredits({ actor: editor, storyId: story.id, baseVersion: story.version, credits: [{ personId: jane.id, role: "BYLINE" }] });
    await expect(setStoryCredits({ actor: editor, storyId: story.id, baseVersion: story.version, credits: [] })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
