"use server";

import { z } from "zod";
import { setStoryCredits } from "@/lib/credits/mutations";
import { createPerson } from "@/lib/people/mutations";
import { searchPeopleForCredits, type TPersonOption } from "@/lib/people/queries";
import { action } from "./define";

/** The credits panel's server actions: find people, add one on the spot, save the credits. */

/** People to offer while an editor types a name. */
export const searchPeopleAction = action(z.string().max(100).catch(""), async (q, actor) => searchPeopleForCredits({ actor, q }));

const ZNewPerson = z.object({
  name: z.string().max(200).catch(""),
  affiliation: z.string().max(200).nullish().catch(null),
  shortBio: z.string().max(400).nullish().catch(null),
});

/** Add someone on the spot while crediting (a name, or name, affiliation and bio), as readers will see them; admins can tidy the rest later. */
export const createPersonAction = action(
  z.preprocess((input) => (typeof input === "string" ? { name: input } : input), ZNewPerson.catch({ name: "", affiliation: null, shortBio: null })),
  async (data, actor): Promise<TPersonOption> => {
    const person = await createPerson({ actor, data });
    return { id: person.id, name: person.name, title: person.title, affiliation: person.affiliation, shortBio: person.shortBio };
  },
);

/** Replace the story's credits, based on the version the editor saw. */
export const saveCreditsAction = action(
  z.object({ storyId: z.string().max(64), baseVersion: z.number().int().min(0), credits: z.array(z.record(z.string(), z.unknown())).max(40) }),
  async ({ storyId, baseVersion, credits }, actor) => ({
    version: (await setStoryCredits({ actor, storyId, baseVersion, credits: credits as never })).version,
  }),
  { malformed: "The credits request was malformed." },
);
