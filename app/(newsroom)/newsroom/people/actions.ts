"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth/current-user";
import { toActionError, type TActionResult } from "@/lib/errors";
import { createPerson, linkPersonToUser, mergePeople, setPersonPhoto, setPersonRetired, updatePerson } from "@/lib/people/mutations";
import type { TFormState } from "@/components/ui/action-form";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { formText, runFormTask } from "@/lib/form-task";
import { personTags } from "@/lib/people/cache-tags";

const run = (task: () => Promise<string>) => runFormTask("People management", "/newsroom/people", task);

const text = formText;

/** Every public page showing these people (their stories, their pages under every slug, the lists). */
async function refreshPeople(...personIds: string[]) {
  refreshPublicPages((await Promise.all(personIds.map(personTags))).flat());
}

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

export async function createPersonFormAction(_: TFormState, data: FormData): Promise<TFormState> {
  return run(async () => {
    const person = await createPerson({ actor: await requireRole("ADMIN"), data: fields(data) });
    return `Added ${person.name}.`;
  });
}

export async function updatePersonAction(_: TFormState, data: FormData): Promise<TFormState> {
  return run(async () => {
    const person = await updatePerson({ actor: await requireRole("ADMIN"), personId: text(data, "personId"), data: fields(data) });
    await refreshPeople(person.id);
    return `Saved ${person.name} (address /people/${person.slug}).`;
  });
}

export async function retirePersonAction(_: TFormState, data: FormData): Promise<TFormState> {
  return run(async () => {
    const retired = text(data, "retired") === "true";
    await setPersonRetired({ actor: await requireRole("ADMIN"), personId: text(data, "personId"), retired });
    await refreshPeople(text(data, "personId"));
    return retired ? "Retired: old credits stay, no new ones." : "Back in the list of people to credit.";
  });
}

export async function linkAccountAction(_: TFormState, data: FormData): Promise<TFormState> {
  return run(async () => {
    const userId = text(data, "userId") || null;
    await linkPersonToUser({ actor: await requireRole("ADMIN"), personId: text(data, "personId"), userId });
    return userId ? "Account linked." : "Account unlinked.";
  });
}

export async function mergePersonAction(_: TFormState, data: FormData): Promise<TFormState> {
  return run(async () => {
    const merged = await mergePeople({ actor: await requireRole("ADMIN"), survivorId: text(data, "survivorId"), duplicateId: text(data, "duplicateId") });
    // The duplicate's pages are now the survivor's old slugs; its story pages carry the survivor's tag after re-rendering.
    await refreshPeople(merged.id, text(data, "duplicateId"));
    return `Merged into ${merged.name}; every credit moved.`;
  });
}

/** Set or clear a person's portrait (a library image id, or null). */
export async function setPersonPhotoAction(input: unknown): Promise<TActionResult<null>> {
  try {
    const { personId, mediaId } = z.object({ personId: z.string().max(64), mediaId: z.string().max(64).nullable() }).parse(input);
    await setPersonPhoto({ actor: await requireRole("ADMIN"), personId, mediaId });
    await refreshPeople(personId);
    revalidatePath("/newsroom/people", "layout");
    return { ok: true, data: null };
  } catch (err) {
    return toActionError(err);
  }
}
