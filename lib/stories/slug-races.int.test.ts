import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { toActionError } from "@/lib/errors";
import { createPerson, updatePerson } from "@/lib/people/mutations";
import { actorOf, makeUser, paragraphDoc } from "@/testing/factories";
import { createStory, updateStory } from "./mutations";
import { slugify } from "./slug";

/**
 * Slugs are allocated under concurrency: parallel creates with one headline and
 * parallel renames to one slug all succeed, each with its own slug (the next
 * free suffix), and nothing ends in "something went wrong".
 */
const tag = () => randomBytes(3).toString("hex");
const fields = (headline: string, slug?: string) => ({ headline, body: paragraphDoc("Words."), ...(slug ? { slug } : {}) });

/** Every promise's outcome, with rejections as the action result a user would get. */
async function outcomes<T>(runs: Promise<T>[]) {
  const settled = await Promise.allSettled(runs);
  const failures = settled.flatMap((s) => (s.status === "rejected" ? [toActionError(s.reason).error] : []));
  const values = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  return { values, failures };
}

describe("slug allocation under concurrency", () => {
  it("10 parallel story creates with one headline: 10 stories with distinct slugs", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const headline = `Parallel headline ${tag()}`;
    const { values, failures } = await outcomes(Array.from({ length: 10 }, () => createStory({ actor: editor, data: fields(headline) })));
    expect(failures).toEqual([]);
    const slugs = values.map((s) => s.slug);
    const base = slugify(headline);
    expect(slugs.sort()).toEqual([base, ...Array.from({ length: 9 }, (_, i) => `${base}-${i + 2}`)].sort());
  });

  it("two parallel renames of different stories to one slug: one gets it, the other the next suffix", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const [a, b] = await Promise.all([
      createStory({ actor: editor, data: fields(`Rename A ${tag()}`) }),
      createStory({ actor: editor, data: fields(`Rename B ${tag()}`) }),
    ]);
    const wanted = `renamed-${tag()}`;
    const { values, failures } = await outcomes(
      [a, b].map((s) => updateStory({ actor: editor, storyId: s.id, baseVersion: s.version, data: fields("Renamed", wanted), kind: "SAVE" })),
    );
    expect(failures).toEqual([]);
    expect(values.map((s) => s.slug).sort()).toEqual([wanted, `${wanted}-2`]);
  });

  it("a slug taken by a writer that did not wait its turn is retried with the next suffix", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const wanted = `sneaky-${tag()}`;
    // Another transaction holds `wanted` uncommitted (as a racer allocating from another base would):
    // our create cannot see it, inserts, waits on it, and loses when it commits.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let claimed!: () => void;
    const isClaimed = new Promise<void>((resolve) => (claimed = resolve));
    const racer = prisma.$transaction(
      async (tx) => {
        await tx.story.create({ data: { headline: "Racer", slug: wanted, body: paragraphDoc("x"), createdById: editor.id } });
        claimed();
        await held;
      },
      { timeout: 20_000 },
    );
    await isClaimed;
    const ours = outcomes([createStory({ actor: editor, data: fields("Ours", wanted) })]);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await racer;
    const { values, failures } = await ours;
    expect(failures).toEqual([]);
    expect(values[0]!.slug).toBe(`${wanted}-2`);
  });

  it("10 parallel person creates with one name: 10 people with distinct slugs", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const name = `Parallel Person ${tag()}`;
    const { values, failures } = await outcomes(Array.from({ length: 10 }, () => createPerson({ actor: editor, data: { name } })));
    expect(failures).toEqual([]);
    expect(new Set(values.map((p) => p.slug)).size).toBe(10);
  });

  it("two parallel person renames to one slug: one gets it, the other the next suffix", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const [a, b] = await Promise.all([
      createPerson({ actor: admin, data: { name: `Person A ${tag()}` } }),
      createPerson({ actor: admin, data: { name: `Person B ${tag()}` } }),
    ]);
    const wanted = `person-${tag()}`;
    const { values, failures } = await outcomes([a, b].map((p) => updatePerson({ actor: admin, personId: p.id, data: { name: "Renamed", slug: wanted } })));
    expect(failures).toEqual([]);
    expect(values.map((p) => p.slug).sort()).toEqual([wanted, `${wanted}-2`]);
  });
});
