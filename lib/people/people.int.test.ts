import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { createStory } from "@/lib/stories/mutations";
import { makeUser } from "@/testing/factories";
import { createPerson, mergePeople, setPersonRetired, updatePerson } from "./mutations";
import { findCurrentPersonSlug, getPublicPerson, searchPeopleForCredits } from "./queries";
import { publishStory } from "@/lib/stories/transitions";

const actorOf = (u: { id: string; role: "CONTRIBUTOR" | "EDITOR" | "ADMIN"; name: string; email: string }): TActor => ({ kind: "user", ...u });
const tag = () => randomBytes(3).toString("hex");

async function actors() {
  const [admin, editor, contributor] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser({ role: "EDITOR" }), makeUser()]);
  return { admin: actorOf(admin), editor: actorOf(editor), contributor: actorOf(contributor) };
}

describe("people", () => {
  it("editors may add a person, contributors may not; links must be web or mail addresses", async () => {
    const { editor, contributor } = await actors();
    await expect(createPerson({ actor: contributor, data: { name: "X" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createPerson({ actor: editor, data: { name: "X", links: [{ label: "site", url: "javascript:alert(1)" }] } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const person = await createPerson({ actor: editor, data: { name: `Jane Roe ${tag()}`, shortBio: "is the bureau chief in Beijing" } });
    expect(person.slug).toMatch(/^jane-roe-/);
  });

  it("a renamed slug keeps the old one reserved for its redirect", async () => {
    const { admin } = await actors();
    const name = `Élodie Martin ${tag()}`;
    const person = await createPerson({ actor: admin, data: { name } });
    const moved = await updatePerson({ actor: admin, personId: person.id, data: { name, slug: `${person.slug}-new` } });
    expect(await prisma.personSlug.findUnique({ where: { slug: person.slug } })).toMatchObject({ personId: person.id });
    const other = await createPerson({ actor: admin, data: { name, slug: person.slug } });
    expect(other.slug).not.toBe(person.slug);
    expect(moved.slug).toBe(`${person.slug}-new`);
  });

  it("retired people keep their credits but are no longer offered", async () => {
    const { admin, editor } = await actors();
    const name = `Retiring ${tag()}`;
    const person = await createPerson({ actor: admin, data: { name } });
    const story = await createStory({ actor: editor, data: { headline: "x", body: { type: "doc", content: [{ type: "paragraph" }] } } });
    await prisma.storyCredit.create({ data: { storyId: story.id, personId: person.id, role: "BYLINE", position: 0 } });
    expect((await searchPeopleForCredits({ actor: editor, q: name })).map((p) => p.id)).toEqual([person.id]);
    await expect(setPersonRetired({ actor: editor, personId: person.id, retired: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setPersonRetired({ actor: admin, personId: person.id, retired: true });
    expect(await searchPeopleForCredits({ actor: editor, q: name })).toEqual([]);
    expect(await prisma.storyCredit.count({ where: { personId: person.id } })).toBe(1);
  });

  it("merging moves every credit to the survivor without doubling, and keeps the duplicate's address", async () => {
    const { admin, editor } = await actors();
    const name = `Merge Me ${tag()}`;
    const survivor = await createPerson({ actor: admin, data: { name } });
    const duplicate = await createPerson({ actor: admin, data: { name, shortBio: "covers courts", title: "reporter" } });
    const body = { type: "doc", content: [{ type: "paragraph" }] };
    const [a, b] = await Promise.all([
      createStory({ actor: editor, data: { headline: "a", body } }),
      createStory({ actor: editor, data: { headline: "b", body } }),
    ]);
    await prisma.storyCredit.createMany({
      data: [
        { storyId: a.id, personId: survivor.id, role: "BYLINE", position: 0 },
        { storyId: a.id, personId: duplicate.id, role: "BYLINE", position: 1 },
        { storyId: a.id, personId: duplicate.id, role: "PHOTOGRAPHER", position: 2 },
        { storyId: b.id, personId: duplicate.id, role: "CONTRIBUTOR", position: 0, location: "Seoul" },
      ],
    });

    await expect(mergePeople({ actor: editor, survivorId: survivor.id, duplicateId: duplicate.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const merged = await mergePeople({ actor: admin, survivorId: survivor.id, duplicateId: duplicate.id });
    expect(merged).toMatchObject({ id: survivor.id, title: "reporter" });

    const credits = await prisma.storyCredit.findMany({ where: { storyId: { in: [a.id, b.id] } }, orderBy: [{ storyId: "asc" }, { position: "asc" }] });
    expect(credits.every((c) => c.personId === survivor.id)).toBe(true);
    expect(credits.map((c) => `${c.storyId === a.id ? "a" : "b"}:${c.role}`).sort()).toEqual(["a:BYLINE", "a:PHOTOGRAPHER", "b:CONTRIBUTOR"]);
    expect(credits.find((c) => c.role === "CONTRIBUTOR")?.location).toBe("Seoul");
    expect(await prisma.person.findUnique({ where: { id: duplicate.id } })).toBeNull();
    expect(await prisma.personSlug.findUnique({ where: { slug: duplicate.slug } })).toMatchObject({ personId: survivor.id });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: survivor.id } })).shortBio).toBe("covers courts");
  });
});

describe("a person's public page", () => {
  it("exists with a bio or a published credit, lists published stories only, and old slugs point to it", async () => {
    const { admin, editor } = await actors();
    const nobody = await createPerson({ actor: admin, data: { name: `Nobody ${tag()}` } });
    expect(await getPublicPerson(nobody.slug)).toBeNull();

    const withBio = await createPerson({ actor: admin, data: { name: `Bio Only ${tag()}`, shortBio: "covers science" } });
    expect(await getPublicPerson(withBio.slug)).toMatchObject({ name: withBio.name, stories: [] });

    const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Words." }] }] };
    const draft = await createStory({ actor: editor, data: { headline: "Draft credit", body } });
    const live = await createStory({ actor: editor, data: { headline: "Live credit", body } });
    await prisma.storyCredit.createMany({
      data: [
        { storyId: draft.id, personId: nobody.id, role: "BYLINE", position: 0 },
        { storyId: live.id, personId: nobody.id, role: "BYLINE", position: 0 },
      ],
    });
    expect(await getPublicPerson(nobody.slug)).toBeNull(); // only unpublished credits so far
    await publishStory({ actor: editor, storyId: live.id, baseVersion: live.version });
    expect((await getPublicPerson(nobody.slug))!.stories.map((s) => s.headline)).toEqual(["Live credit"]);

    const moved = await updatePerson({ actor: admin, personId: nobody.id, data: { name: nobody.name, slug: `${nobody.slug}-moved` } });
    expect(await findCurrentPersonSlug(nobody.slug)).toBe(moved.slug);
  });
});
