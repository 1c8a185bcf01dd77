import { z } from "zod";
import { absoluteUrl, SITE_NAME } from "@/lib/site";
import { WEBHOOK_EVENT_TYPES, ZWebhookPayload } from "@/lib/webhooks/payload";
import { SCOPE_TEXT } from "./access";
import { NINJS_MEDIA_TYPE } from "./ninjs";
import { ZPeopleParams, ZSearchParams, ZStoryListParams, ZStoryParams } from "./params";
import { API_SCHEMAS } from "./schemas";
import "./ninjs"; // registers the Ninjs schema

/**
 * The OpenAPI 3.1 document of the delivery API (/api/v1/openapi.json), made from
 * the zod schemas that check every response (lib/api/schemas.ts) and parse every
 * query (lib/api/params.ts). OpenAPI 3.1's schemas are JSON Schema 2020-12, which
 * is what zod writes.
 */

type TJson = Record<string, unknown>;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function components(): Record<string, TJson> {
  const { schemas } = z.toJSONSchema(API_SCHEMAS, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }) as { schemas: Record<string, TJson> };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return schemas;
}

/** Query parameters from a strict zod object: one entry per key, its schema as zod writes it. */
function parameters(schema: z.ZodObject): TJson[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, TJson>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: "query", required: json.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

const ERRORS = {
  "401": { description: "No key, or a revoked or unknown one.", content: { "application/json": { schema: ref("Error") } } },
  "403": { description: "The key's scopes do not allow this.", content: { "application/json": { schema: ref("Error") } } },
  "422": { description: "A query parameter is wrong: the message names it.", content: { "application/json": { schema: ref("Error") } } },
  "429": {
    description: "The key's requests per minute are used up.",
    headers: { "Retry-After": { description: "Seconds until the next minute.", schema: { type: "integer" } } },
    content: { "application/json": { schema: ref("Error") } },
  },
};
const NOT_FOUND = { "404": { description: "Nothing by that id or slug that this key may read.", content: { "application/json": { schema: ref("Error") } } } };
const CACHED = {
  ETag: { description: "Send it back as If-None-Match: 304 when nothing changed.", schema: { type: "string" } },
  "Cache-Control": { description: "Published content: s-maxage=60 for shared caches; previews: private, no-store.", schema: { type: "string" } },
};
const ok = (description: string, schema: TJson, extra: TJson = {}) => ({
  "200": { description, headers: CACHED, content: { "application/json": { schema }, ...extra } },
  "304": { description: "Not modified (If-None-Match matched the ETag)." },
});
const idOrSlug = { name: "idOrSlug", in: "path", required: true, schema: { type: "string" } };

export function openApiDocument(): TJson {
  return {
    openapi: "3.1.0",
    info: {
      title: `${SITE_NAME} delivery API`,
      version: "1.0.0",
      description: [
        "Published stories, sections, people, tags and search, as JSON or IPTC ninjs, for apps, newsletters, partners and search.",
        "Every request needs a key (`Authorization: Bearer nk_…`); admins make keys in the newsroom (its API keys page) or with `npm run api-key`.",
        "Scopes: " +
          Object.entries(SCOPE_TEXT)
            .map(([s, text]) => `\`${s}\` — ${text}`)
            .join("; ") +
          ".",
        "Each key has a limit of requests per minute (429 with Retry-After past it).",
      ].join("\n\n"),
    },
    servers: [{ url: absoluteUrl("/api/v1").replace(/\/$/, "") }],
    security: [{ apiKey: [] }],
    paths: {
      "/stories": {
        get: {
          operationId: "listStories",
          summary: "Stories, newest published first",
          parameters: parameters(ZStoryListParams),
          responses: { ...ok("A page of stories.", ref("StoryList")), ...ERRORS },
        },
      },
      "/stories/{idOrSlug}": {
        get: {
          operationId: "getStory",
          summary: "One story, whole (JSON or ninjs)",
          parameters: [idOrSlug, ...parameters(ZStoryParams)],
          responses: { ...ok("The story.", ref("Story"), { [NINJS_MEDIA_TYPE]: { schema: ref("Ninjs") } }), ...NOT_FOUND, ...ERRORS },
        },
      },
      "/sections": {
        get: {
          operationId: "listSections",
          summary: "The sections, in the site's order",
          responses: { ...ok("Every section.", ref("SectionList")), ...ERRORS },
        },
      },
      "/tags": {
        get: {
          operationId: "listTags",
          summary: "Tags on published stories, most used first",
          responses: { ...ok("Up to 500 tags.", ref("TagList")), ...ERRORS },
        },
      },
      "/people": {
        get: {
          operationId: "listPeople",
          summary: "People with a public page, by name",
          parameters: parameters(ZPeopleParams),
          responses: { ...ok("A page of people.", ref("PersonList")), ...ERRORS },
        },
      },
      "/people/{idOrSlug}": {
        get: {
          operationId: "getPerson",
          summary: "One person",
          parameters: [idOrSlug],
          responses: { ...ok("The person.", ref("Person")), ...NOT_FOUND, ...ERRORS },
        },
      },
      "/search": {
        get: {
          operationId: "search",
          summary: "Search published stories",
          parameters: parameters(ZSearchParams),
          responses: { "200": { description: "Matches, best first.", content: { "application/json": { schema: ref("SearchResult") } } }, ...ERRORS },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "This document",
          security: [],
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
        },
      },
    },
    webhooks: Object.fromEntries(
      WEBHOOK_EVENT_TYPES.map((type) => [
        type,
        {
          post: {
            summary: `${type}, signed as Standard Webhooks says (webhook-id, webhook-timestamp, webhook-signature)`,
            requestBody: { content: { "application/json": { schema: ref("WebhookPayload") } } },
            responses: { "200": { description: "Any 2xx within 15 s is a delivery; anything else is tried again." } },
          },
        },
      ]),
    ),
    components: {
      schemas: { ...components(), WebhookPayload: webhookSchema() },
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key: nk_ and 43 characters." } },
    },
  };
}

function webhookSchema(): TJson {
  const s = z.toJSONSchema(ZWebhookPayload, { unrepresentable: "any" }) as TJson;
  delete s.$schema;
  return s;
}
