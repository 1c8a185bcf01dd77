import { z } from "zod";
import { zOptionalText } from "@/lib/validation";
import { slugify } from "./slug";
import { normalizeTags, tagsProblem } from "./tags";

import { STATUSES } from "./workflow";

export const STORY_STATUSES = STATUSES;

/**
 * What the editor saves. The body is checked separately, against the editor's
 * schema (lib/richtext/validate.ts). A draft may still lack a headline;
 * publishing needs one.
 */
export const ZStoryFields = z.object({
  headline: z.string().trim().max(300, "A headline can be at most 300 characters."),
  dek: zOptionalText(500, "The dek"),
  dateline: zOptionalText(60, "The dateline"),
  slug: z
    .string()
    .max(200, "The URL slug is too long.")
    .transform((v) => slugify(v))
    .nullish(),
  sectionId: z.string().max(64).nullish(),
  /** A library image for the top of the story, and this story's own caption for it. */
  leadMediaId: z
    .string()
    .max(64)
    .transform((v) => v || null)
    .nullish(),
  leadCaption: zOptionalText(1000, "The photo caption"),
  /** "Border, trade talks" as typed, or a list. */
  tags: z
    .union([z.string().max(2000, "The tags are too long."), z.array(z.string().max(200)).max(100)])
    .nullish()
    .transform(normalizeTags)
    .superRefine((tags, ctx) => {
      const problem = tagsProblem(tags);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  body: z.unknown(),
});
export type TStoryFields = z.input<typeof ZStoryFields>;

export const ZStoryListFilter = z.object({
  status: z.enum(STORY_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1),
});
export type TStoryListFilter = z.input<typeof ZStoryListFilter>;

/** A story's editable content as stored (the editor's fields, and the server's copy in a conflict). */
export type TStoryContent = {
  headline: string;
  dek: string | null;
  dateline: string | null;
  slug: string;
  sectionId: string | null;
  leadMediaId: string | null;
  leadCaption: string | null;
  tags: string[];
  body: unknown;
};
