"use server";

import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { setStoryCredits } from "@/lib/credits/mutations";
import { AppError, toActionError, type TActionResult } from "@/lib/errors";
import { createPerson } from "@/lib/people/mutations";
import { searchPeopleForCredits } from "@/lib/people/queries";

export type TPersonOption = { id: string; name: string; title: string | null; affiliation: string | null; shortBio: string | null };

/** People to offer while an editor types a name. */
export async function searchPeopleAction(q: unknown): Promise<TActionResult<TPersonOption[]>> {
  try {
    const text = z.string().max(100).catch("").parse(q);
    return { ok: true, data: await searchPeopleForCredits({ actor: await getCurrentUser(), q: text }) };
  } catch (err) {
    return toActionError(err);
  }
}

const ZNewPerson = z.object({ name: z.string().max(200).catch(""), affiliation: z.string().max(200).nullish().catch(null), shortBio: z.string().max(400).nullish().catch(null) });

/** Add someone on the spot while crediting, with the affiliation and bio readers see (admins can tidy the rest later). */
export async function createPersonAction(input: unknown): Promise<TActionResult<TPersonOption>> {
  try {
    const data = ZNewPerson.catch({ name: "", affiliation: null, shortBio: null }).parse(typeof input === "string" ? { name: input } : input);
    const person = await createPerson({ actor: await getCurrentUser(), data });
    return { ok: true, data: { id: person.id, name: person.name, title: person.title, affiliation: person.affiliation, shortBio: person.shortBio } };
  } catch (err) {
    return toActionError(err);
  }
}

const ZInput = z.object({ storyId: z.string().max(64), baseVersion: z.number().int().min(0), credits: z.array(z.record(z.string(), z.unknown())).max(40) });

/** Replace the story's credits, based on the version the editor saw. */
export async function saveCreditsAction(input: unknown): Promise<TActionResult<{ version: number }>> {
  try {
    const parsed = ZInput.safeParse(input);
    if (!parsed.success) throw new AppError("INVALID_INPUT", "The credits request was malformed.");
    const { storyId, baseVersion, credits } = parsed.data;
    const saved = await setStoryCredits({ actor: await getCurrentUser(), storyId, baseVersion, credits: credits as never });
    return { ok: true, data: { version: saved.version } };
  } catch (err) {
    return toActionError(err);
  }
}
