import { z } from "zod";

/**
 * The delivery API's query parameters, as zod schemas: server/api/ parses each
 * request with them (a bad value is a 422 naming the parameter), and the
 * OpenAPI document describes them from the same schemas.
 */
const slug = z.string().trim().min(1).max(200);
const cursor = z.string().max(500).describe("The `next` value of the previous page.");
const limit = z.coerce.number().int().min(1).max(100).default(20).describe("Items per page, 1–100.");

export const ZStoryListParams = z.strictObject({
  section: slug.optional().describe("Only this section (its slug)."),
  tag: slug.optional().describe("Only stories with this tag (its slug)."),
  person: slug.optional().describe("Only stories crediting this person (slug or id)."),
  updated_since: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .optional()
    .describe("Only stories changed at or after this time; the list then runs oldest change first, for keeping a copy in step."),
  status: z
    .enum(["published", "draft", "in_review", "scheduled", "embargoed"])
    .default("published")
    .describe("draft, in_review and scheduled need the preview scope; embargoed (under embargo now) the embargoed scope. Only published is cached."),
  cursor: cursor.optional(),
  limit,
});

export const ZStoryParams = z.strictObject({
  format: z.enum(["json", "ninjs"]).optional().describe("ninjs: the story as IPTC ninjs 2.1 (or send Accept: application/ninjs+json)."),
});

export const ZPeopleParams = z.strictObject({ cursor: cursor.optional(), limit });
export const ZSearchParams = z.strictObject({
  q: z.string().max(200).describe('Words, "a phrase", -exclusions, or; as the site\'s search takes them.'),
  page: z.coerce.number().int().min(1).max(50).default(1),
});
export const ZNoParams = z.strictObject({});
