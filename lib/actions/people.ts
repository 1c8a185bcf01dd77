"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createPerson, linkPersonToUser, mergePeople, setPersonPhoto, setPersonRetired, updatePerson } from "@/lib/people/mutations";
import type { TUserActor } from "@/lib/auth/current-user";
import { action, formAction, formText as text } from "./define";

/** The admins' People pages: add, edit, retire, link an account, merge, portrait. */

const people = (handler: (data: FormData, admin: TUserActor) => Promise<string>) =>
  formAction("People management", "/newsroom/people", handler, { role: "ADMIN" });

/** "Label | https://…" lines into links. */
function parseLinks(raw: string) {
  return raw
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [label, ...rest] = line.split("|");
      return { label: (label ?? "").trim(), url: rest.join("|").trim() };
    });
}

const fields = (data: FormData) => ({
  name: text(data, "name"),
  slug: text(data, "slug") || null,
  title: text(data, "title"),
  affiliation: text(data, "affiliation"),
  shortBio: text(data, "shortBio"),
  longBio: text(data, "longBio"),
  links: parseLinks(text(data, "links")),
});

export const createPersonFormAction = people(async (data, actor) => {
  const person = await createPerson({ actor, data: fields(data) });
  return `Added ${person.name}.`;
});

export const updatePersonAction = people(async (data, actor) => {
  const person = await updatePerson({ actor, personId: text(data, "personId"), data: fields(data) });
  return `Saved ${person.name} (address /people/${person.slug}).`;
});

export const retirePersonAction = people(async (data, actor) => {
  const retired = text(data, "retired") === "true";
  await setPersonRetired({ actor, personId: text(data, "personId"), retired });
  return retired ? "Retired: old credits stay, no new ones." : "Back in the list of people to credit.";
});

export const linkAccountAction = people(async (data, actor) => {
  const userId = text(data, "userId") || null;
  await linkPersonToUser({ actor, personId: text(data, "personId"), userId });
  return userId ? "Account linked." : "Account unlinked.";
});

export const mergePersonAction = people(async (data, actor) => {
  const merged = await mergePeople({ actor, survivorId: text(data, "survivorId"), duplicateId: text(data, "duplicateId") });
  return `Merged into ${merged.name}; every credit moved.`;
});

/** Set or clear a person's portrait (a library image id, or null). */
export const setPersonPhotoAction = action(
  z.object({ personId: z.string().max(64), mediaId: z.string().max(64).nullable() }),
  async ({ personId, mediaId }, actor) => {
    await setPersonPhoto({ actor, personId, mediaId });
    revalidatePath("/newsroom/people", "layout");
    return null;
  },
  { role: "ADMIN" },
);
