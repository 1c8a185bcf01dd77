import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { type TApiClient } from "@/lib/api/access";
import { getApiPerson, getApiStory, listApiPeople, listApiSections, listApiStories, listApiTags, searchApi } from "@/lib/api/content";
import { NINJS_MEDIA_TYPE, ninjsOf, ZNinjs } from "@/lib/api/ninjs";
import { openApiDocument } from "@/lib/api/openapi";
import { ZNoParams, ZPeopleParams, ZSearchParams, ZStoryListParams, ZStoryParams } from "@/lib/api/params";
import { ZApiPerson, ZApiPersonList, ZApiSearchResult, ZApiSectionList, ZApiStory, ZApiStoryList, ZApiTagList } from "@/lib/api/schemas";
import { authenticateApiKey } from "@/lib/api-keys/keys";
import { LABEL, mediaLabel, personLabel, personSlugLabel, personStoriesLabel, storyLabel, storySlugLabel } from "@/lib/cache/labels";
import { AppError, errorAnswer, RateLimitedError } from "@/lib/errors";
import { cachedAnswer, type TAnswer } from "@/site/cache";
import { makeAnswer, send } from "@/site/respond";

/**
 * The delivery API, /api/v1 (README "Delivery API"; the OpenAPI document at
 * /api/v1/openapi.json). Answered by our own server, like reader pages, and
 * cached the same way: an answer that is the same for every key of its kind
 * (published content) is kept in the page cache under the labels of what it
 * shows, expired by the same events as the pages, and sent with an ETag (304)
 * and s-maxage. Previews are never kept (private, no-store).
 *
 * Every request but the document's needs a key; it is counted against the key's
 * limit before anything is read (lib/api-keys/keys.ts). Query parameters are
 * parsed with the schemas the document describes (lib/api/params.ts), and every
 * answer is checked against its response schema before it is kept or sent.
 */

const JSON_TYPE = "application/json; charset=utf-8";
/** Keys are bearer tokens, not cookies: any origin may call the API from a browser. */
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, x-newsroom-cache",
};
/** What a shared cache keys an answer by: the key (one key's limit is not another's), the format asked for. */
const VARY = "Accept-Encoding, Authorization, Accept";

type TResult = { body: unknown; schema: z.ZodType; labels: string[]; cacheable: boolean; contentType?: string };
type THandler = (client: TApiClient, params: Record<string, unknown>, req: IncomingMessage) => Promise<TResult>;
/** `gone`: the labels a "not found" answer waits on (what would make it exist). */
type TRoute = { params: z.ZodObject; handle: THandler; gone?: (id: string) => string[] };

const LIST_LABELS = [LABEL.feed, LABEL.listings, LABEL.sections];

function wantsNinjs(req: IncomingMessage, format: unknown): boolean {
  if (format === "ninjs") return true;
  if (format === "json") return false;
  return String(req.headers.accept ?? "").includes(NINJS_MEDIA_TYPE);
}

/** The routes: a path pattern, its parameters, what answers it. */
function route(pathname: string): { route: TRoute; id?: string } | null {
  const parts = pathname.replace(/^\/api\/v1\/?/, "").split("/");
  const [first = "", id, ...rest] = parts;
  if (rest.length) return null;
  let decoded: string | undefined;
  try {
    decoded = id === undefined ? undefined : decodeURIComponent(id);
  } catch {
    return null;
  }
  if (decoded === "") return null;
  const table: Record<string, { list?: TRoute; one?: TRoute }> = {
    stories: {
      list: {
        params: ZStoryListParams,
        handle: async (client, p) => {
          const q = p as z.output<typeof ZStoryListParams>;
          const list = await listApiStories(client, { ...q, updatedSince: q.updated_since });
          return { body: { data: list.data, next: list.next }, schema: ZApiStoryList, labels: LIST_LABELS, cacheable: list.isPublic };
        },
      },
      one: {
        params: ZStoryParams,
        handle: async (client, p, req) => {
          const { row, story, isPublic } = await getApiStory(client, decoded!);
          const labels = [
            storyLabel(row.id),
            storySlugLabel(decoded!),
            ...row.credits.map((c) => personLabel(c.person.id)),
            ...story.images.map((i) => mediaLabel(i.id)),
          ];
          if (story.leadImage) labels.push(mediaLabel(story.leadImage.id));
          if (wantsNinjs(req, p.format))
            return {
              body: ninjsOf(story, row.createdAt),
              schema: ZNinjs,
              labels,
              cacheable: isPublic,
              contentType: `${NINJS_MEDIA_TYPE}; charset=utf-8`,
            };
          return { body: story, schema: ZApiStory, labels, cacheable: isPublic };
        },
        gone: (id) => [storyLabel(id), storySlugLabel(id)],
      },
    },
    sections: {
      list: { params: ZNoParams, handle: async () => ({ body: await listApiSections(), schema: ZApiSectionList, labels: [LABEL.sections], cacheable: true }) },
    },
    tags: { list: { params: ZNoParams, handle: async () => ({ body: await listApiTags(), schema: ZApiTagList, labels: LIST_LABELS, cacheable: true }) } },
    people: {
      list: {
        params: ZPeopleParams,
        handle: async (_c, p) => ({
          body: await listApiPeople(p as z.output<typeof ZPeopleParams>),
          schema: ZApiPersonList,
          labels: LIST_LABELS,
          cacheable: true,
        }),
      },
      one: {
        params: ZNoParams,
        handle: async () => {
          const person = await getApiPerson(decoded!);
          return {
            body: person,
            schema: ZApiPerson,
            labels: [personLabel(person.id), personSlugLabel(decoded!), personStoriesLabel(person.id), LABEL.listings],
            cacheable: true,
          };
        },
        gone: (id) => [personSlugLabel(id), personStoriesLabel(id), LABEL.listings],
      },
    },
    // Search answers are not kept, as on the site: too many queries, each cheap to run again.
    search: {
      list: {
        params: ZSearchParams,
        handle: async (_c, p) => {
          const { q, page } = p as z.output<typeof ZSearchParams>;
          return { body: await searchApi(q, page), schema: ZApiSearchResult, labels: [], cacheable: false };
        },
      },
    },
  };
  const entry = table[first];
  const found = decoded === undefined ? entry?.list : entry?.one;
  return found ? { route: found, id: decoded } : null;
}

/** Whether the server answers this path here (everything under /api/v1). */
export function isApiPath(url: string | undefined): boolean {
  const path = (url ?? "").split("?")[0]!;
  return path === "/api/v1" || path.startsWith("/api/v1/");
}

function jsonAnswer(
  status: number,
  body: unknown,
  { cacheable = false, headers = {} }: { cacheable?: boolean; headers?: Record<string, string> } = {},
): TAnswer {
  return makeAnswer(status, JSON.stringify(body), { cacheable, headers: { "Content-Type": JSON_TYPE, Vary: VARY, ...CORS, ...headers } });
}

function sendError(req: IncomingMessage, res: ServerResponse, err: unknown, extra: Record<string, string> = {}) {
  const { status, body, headers } = errorAnswer(err);
  // RFC 6750: a refusal for want of a (good) key says which kind of credential is wanted.
  if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="newsroom"';
  send(req, res, jsonAnswer(status, body, { headers }), "ERROR", extra);
}

/** Query parameters, each given once, checked by the route's schema (422 naming what is wrong). */
function parseParams(schema: z.ZodObject, search: URLSearchParams): Record<string, unknown> {
  const raw: Record<string, string> = {};
  for (const [k, v] of search) {
    if (k in raw) throw new AppError("INVALID_INPUT", `Give ${k} once.`, { [k]: ["Given more than once."] });
    raw[k] = v;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : String(issue.path[0] ?? "query");
    (fieldErrors[key] ??= []).push(issue.code === "unrecognized_keys" ? "Not a parameter of this endpoint." : issue.message);
  }
  const names = Object.keys(fieldErrors);
  throw new AppError("INVALID_INPUT", `Check ${names.join(" and ")}: ${Object.values(fieldErrors).flat()[0]}`, fieldErrors);
}

let document: TAnswer | null = null;

/** Answer an /api/v1 request. */
export async function serveApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://api.invalid");
  if (req.method === "OPTIONS") {
    res.writeHead(204, {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, HEAD",
      "Access-Control-Allow-Headers": "Authorization, Accept",
      "Access-Control-Max-Age": "86400",
    });
    res.end();
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(
      req,
      res,
      jsonAnswer(405, { error: { code: "METHOD_NOT_ALLOWED", message: "This API only reads: use GET." } }, { headers: { Allow: "GET, HEAD" } }),
      "ERROR",
    );
    return;
  }
  if (url.pathname === "/api/v1/openapi.json") {
    document ??= jsonAnswer(200, openApiDocument(), { cacheable: true });
    send(req, res, document, "HIT");
    return;
  }
  const found = route(url.pathname);
  let limits: Record<string, string> = {};
  try {
    const client = await authenticateApiKey(req.headers.authorization);
    limits = { "RateLimit-Limit": String(client.limit), "RateLimit-Remaining": String(client.remaining), "RateLimit-Reset": String(client.resetSeconds) };
    if (!found) throw new AppError("NOT_FOUND", "No such endpoint. The endpoints are listed at /api/v1/openapi.json.");
    const params = parseParams(found.route.params, url.searchParams);
    const format = found.route.params === ZStoryParams && wantsNinjs(req, params.format) ? "ninjs" : "json";
    // One entry per kind of key: what a key with the preview scope sees in a list is not what others see.
    const key = `api:${[...client.scopes].sort().join("+")}:${format}:${url.pathname}?${url.searchParams.toString()}`;
    // Only keys that see nothing but published content share "not found": for the others it can change without an event.
    const publicOnly = client.scopes.every((s) => s === "content");
    const render = async () => {
      let result: TResult;
      try {
        result = await found.route.handle(client, params, req);
      } catch (err) {
        // Kept and labelled like any answer, so it is expired when the thing appears (and never served stale after it goes).
        if (!(err instanceof AppError) || err.code !== "NOT_FOUND" || !found.route.gone) throw err;
        return { answer: jsonAnswer(404, errorAnswer(err).body, { cacheable: publicOnly }), labels: found.route.gone(found.id!) };
      }
      const body = result.schema.parse(result.body); // a response that does not match its schema is a bug: 500, never sent
      return {
        answer: jsonAnswer(200, body, { cacheable: result.cacheable, headers: result.contentType ? { "Content-Type": result.contentType } : {} }),
        labels: result.labels,
      };
    };
    const { answer, state } = await cachedAnswer(key, render);
    send(req, res, answer, state, limits);
  } catch (err) {
    if (err instanceof RateLimitedError && err.limit !== null)
      limits = { "RateLimit-Limit": String(err.limit), "RateLimit-Remaining": "0", "RateLimit-Reset": String(err.retryAfterSeconds) };
    sendError(req, res, err, limits);
  }
}
