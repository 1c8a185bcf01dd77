import { randomBytes } from "node:crypto";
import { SYSTEM_ACTOR, type TActor } from "@/lib/auth/actor";
import type { Role } from "@/lib/db/generated/enums";
import { createUser } from "@/lib/users/mutations";

/** A unique email, so tests can share a database and run in any order. */
export const uniqueEmail = (label = "user") => `${label}-${randomBytes(5).toString("hex")}@test.newsroom.invalid`;

export async function makeUser(overrides: { role?: Role; password?: string; email?: string } = {}) {
  const password = overrides.password ?? `pw-${randomBytes(8).toString("hex")}`;
  const user = await createUser({
    actor: SYSTEM_ACTOR,
    data: { email: overrides.email ?? uniqueEmail(), name: "Test Person", role: overrides.role ?? "CONTRIBUTOR", password },
  });
  return { ...user, password };
}

/** A signed-in account as domain functions see it. */
export const actorOf = (u: { id: string; role: Role; name: string; email: string }) => ({ kind: "user" as const, ...u });

/** A one-paragraph rich-text body. */
export const paragraphDoc = (text: string) => ({ type: "doc" as const, content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }] });

/** A story ready to publish (headline, text, byline), in review; `fields` adds to what it is created with. */
export async function makeReadyStory(editor: TActor, headline: string, fields: Record<string, unknown> = {}) {
  const { prisma } = await import("@/lib/db/client");
  const { createStory } = await import("@/lib/stories/mutations");
  const { changeStoryState } = await import("@/lib/stories/transitions");
  const story = await createStory({ actor: editor, data: { headline, body: paragraphDoc("Words for readers."), ...fields } });
  const person = await prisma.person.create({ data: { name: "Byline Person", slug: `byline-${randomBytes(4).toString("hex")}` } });
  await prisma.storyCredit.create({ data: { storyId: story.id, personId: person.id, role: "BYLINE", position: 0 } });
  const submitted = await changeStoryState({ actor: editor, storyId: story.id, baseVersion: story.version, action: "submit" });
  return { ...submitted, personSlug: person.slug };
}
