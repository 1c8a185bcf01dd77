import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiChecker } from "@/testing/openapi-check";
import { openApiDocument } from "./openapi";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/payload";

/**
 * Issue 17, item 2: /api/v1/openapi.json is a valid OpenAPI 3.1 document, made
 * from the zod schemas that check the answers (the integration test
 * lib/api/api.int.test.ts checks real answers against it).
 */
describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 (the specification's own schema)", async () => {
    const doc = openApiDocument();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("describes every endpoint, the key it needs and every webhook", () => {
    const doc = openApiDocument() as { paths: Record<string, unknown>; webhooks: Record<string, unknown>; security: unknown[] };
    expect(Object.keys(doc.paths).sort()).toEqual(
      ["/openapi.json", "/people", "/people/{idOrSlug}", "/search", "/sections", "/stories", "/stories/{idOrSlug}", "/tags"].sort(),
    );
    expect(doc.security).toEqual([{ apiKey: [] }]);
    expect(Object.keys(doc.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
  });

  it("its schemas are strict enough to refuse a wrong answer", () => {
    const check = openApiChecker();
    expect(check("/sections", 200, { data: [{ id: "s", name: "World", slug: "world", url: "https://example.com/sections/world" }] })).toEqual([]);
    expect(check("/sections", 200, { data: [{ id: "s", name: 3 }] }).length).toBeGreaterThan(0);
    expect(check("/stories", 200, { stories: [] }).length).toBeGreaterThan(0);
    expect(check("/nowhere", 200, {})).toEqual(["the document has no application/json answer 200 for GET /nowhere"]);
  });
});
