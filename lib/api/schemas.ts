import { z } from "zod";

/**
 * The delivery API's responses, as zod schemas: every response is checked
 * against its schema before it is sent (lib/api/respond.ts), and the OpenAPI
 * document (lib/api/openapi.ts) is made from the same schemas, so the document
 * cannot drift from what the API answers. Registered by name in API_SCHEMAS:
 * those names become components/schemas in the document.
 */
export const API_SCHEMAS = z.registry<{ id: string; description?: string }>();

const when = z.iso.datetime().describe("A time in UTC, ISO 8601.");

export const ZApiError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string().describe("What went wrong and what to do, in a sentence."),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe("For a 422: what is wrong with each parameter, by name."),
    }),
  })
  .register(API_SCHEMAS, { id: "Error", description: "Every refusal: a code and a sentence." });

export const ZApiVariant = z
  .object({
    url: z.url(),
    width: z.number().int(),
    height: z.number().int(),
    format: z.enum(["avif", "webp", "jpeg", "png", "gif"]),
    crop: z.enum(["original", "16x9", "4x3", "1x1"]).describe("The crop, centred on the focal point; original: uncropped."),
  })
  .register(API_SCHEMAS, { id: "ImageVariant" });

export const ZApiImage = z
  .object({
    id: z.string(),
    alt: z.string(),
    caption: z.string().nullable(),
    credit: z.string().nullable().describe('"Jane Roe/Agency", as the page prints it.'),
    copyright: z.string().nullable().describe('"© 2018 Agency".'),
    width: z.number().int(),
    height: z.number().int(),
    focalPoint: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).describe("Where crops stay centred, as fractions of width and height."),
    variants: z.array(ZApiVariant),
  })
  .register(API_SCHEMAS, { id: "Image" });

export const ZApiPersonRef = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    url: z.url().describe("Their page on the site."),
    title: z.string().nullable().describe('"bureau chief in Beijing".'),
    affiliation: z.string().nullable().describe('"The Washington Post".'),
    shortBio: z.string().nullable(),
  })
  .register(API_SCHEMAS, { id: "PersonRef" });

export const ZApiCredit = z
  .object({
    role: z.enum(["BYLINE", "CONTRIBUTOR", "ADDITIONAL_REPORTING", "PHOTOGRAPHER", "GRAPHICS"]),
    person: ZApiPersonRef,
    location: z.string().nullable().describe('"Beijing", for "Jane Roe in Beijing contributed to this report."'),
    override: z.string().nullable().describe("The desk's own wording for this credit, shown instead of the generated line."),
  })
  .register(API_SCHEMAS, { id: "Credit" });

export const ZApiNote = z
  .object({
    id: z.string(),
    kind: z.enum(["CORRECTION", "CLARIFICATION", "UPDATE", "EDITORS_NOTE"]),
    body: z.string(),
    createdAt: when,
    updatedAt: when,
  })
  .register(API_SCHEMAS, { id: "Note" });

export const ZApiSection = z.object({ id: z.string(), name: z.string(), slug: z.string(), url: z.url() }).register(API_SCHEMAS, { id: "Section" });
export const ZApiTag = z
  .object({
    name: z.string(),
    slug: z.string(),
    url: z.url(),
    stories: z.number().int().optional().describe("Published stories carrying it (in the tag list)."),
  })
  .register(API_SCHEMAS, { id: "Tag" });

const ZStoryStatus = z.enum(["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED"]);

export const ZApiStorySummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    url: z.url(),
    status: ZStoryStatus,
    headline: z.string(),
    dek: z.string().nullable(),
    section: ZApiSection.nullable(),
    tags: z.array(ZApiTag),
    leadImage: ZApiImage.nullable(),
    firstPublishedAt: when.nullable(),
    publishedAt: when.nullable(),
    contentUpdatedAt: when.describe("When the words last changed."),
    updatedAt: when.describe("When anything about the story last changed."),
  })
  .register(API_SCHEMAS, { id: "StorySummary", description: "A story in a list." });

export const ZApiStory = ZApiStorySummary.extend({
  dateline: z.string().nullable().describe('"BEIJING", set before the first paragraph.'),
  body: z.object({
    json: z.record(z.string(), z.unknown()).describe("The stored rich text (Tiptap/ProseMirror JSON, validated on save)."),
    html: z.string().describe("Clean HTML of the body, dateline included: only p, h2, h3, blockquote, lists, links, emphasis and figures."),
  }),
  credits: z.array(ZApiCredit),
  images: z.array(ZApiImage).describe("Every library image the body shows, in order of appearance."),
  notes: z.array(ZApiNote).describe("Corrections, clarifications and updates, oldest first."),
  embargoUntil: when.nullable(),
  scheduledAt: when.nullable().describe("For a scheduled story (preview scope): when it publishes itself."),
}).register(API_SCHEMAS, { id: "Story", description: "A story, whole." });

export const ZApiPage = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    next: z.string().nullable().describe("The cursor of the next page: pass it as ?cursor=; null on the last page."),
  });

export const ZApiStoryList = ZApiPage(ZApiStorySummary).register(API_SCHEMAS, { id: "StoryList" });
export const ZApiSectionList = z.object({ data: z.array(ZApiSection) }).register(API_SCHEMAS, { id: "SectionList" });
export const ZApiTagList = z.object({ data: z.array(ZApiTag) }).register(API_SCHEMAS, { id: "TagList" });

export const ZApiPerson = ZApiPersonRef.extend({
  longBio: z.string().nullable(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
}).register(API_SCHEMAS, { id: "Person" });
export const ZApiPersonList = ZApiPage(ZApiPersonRef).register(API_SCHEMAS, { id: "PersonList" });

export const ZApiSearchResult = z
  .object({
    query: z.string(),
    total: z.number().int().describe("Matches, counted up to 1,001."),
    data: z.array(
      z.object({
        id: z.string(),
        slug: z.string(),
        url: z.url(),
        headline: z.string(),
        dek: z.string().nullable(),
        section: z.string().nullable(),
        publishedAt: when.nullable(),
        snippet: z.string().describe("Words around the match; matches between [[ and ]]."),
      }),
    ),
    page: z.number().int(),
    pages: z.number().int(),
  })
  .register(API_SCHEMAS, { id: "SearchResult" });

export type TApiStory = z.infer<typeof ZApiStory>;
export type TApiStorySummary = z.infer<typeof ZApiStorySummary>;
export type TApiImage = z.infer<typeof ZApiImage>;
