import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/api/openapi";

/**
 * Checking a real answer against the OpenAPI document: the schema the document
 * gives for that path, status and media type, compiled with Ajv (JSON Schema
 * 2020-12, OpenAPI 3.1's dialect) against the whole document, so its $refs
 * resolve as a client's generator would resolve them.
 */
const ID = "https://newsroom.invalid/openapi.json";
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

export function openApiChecker() {
  const document = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...document, $id: ID });
  /** The problems with `body` as the answer to GET `path` (a template: "/stories/{idOrSlug}"), none when it matches. */
  return (path: string, status: number, body: unknown, mediaType = "application/json"): string[] => {
    const response = document.paths[path]?.get?.responses[String(status)];
    if (!response?.content?.[mediaType]) return [`the document has no ${mediaType} answer ${status} for GET ${path}`];
    const validate = ajv.getSchema(`${ID}#/${pointer("paths", path, "get", "responses", String(status), "content", mediaType, "schema")}`);
    if (!validate) return ["could not compile the schema"];
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
  };
}
