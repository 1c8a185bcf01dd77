import { describe, expect, it, vi } from "vitest";
import { AppError, errorResponse, fromPrismaError, toActionError } from "./errors";

describe("errors", () => {
  it.each([
    ["UNAUTHORIZED", 401],
    ["FORBIDDEN", 403],
    ["NOT_FOUND", 404],
    ["INVALID_INPUT", 422],
    ["CONFLICT", 409],
    ["RATE_LIMITED", 429],
    ["TOO_LARGE", 413],
  ] as const)("maps %s to HTTP %i", async (code, status) => {
    const res = errorResponse(new AppError(code, "why"));
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code, message: "why" } });
  });

  it("hides unknown errors behind a plain sentence", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = errorResponse(new Error("password=hunter2 leaked"));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("hunter2");
    expect(toActionError(new Error("boom")).error.message).not.toContain("boom");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("turns Prisma's unique violation (P2002) into CONFLICT", () => {
    const mapped = fromPrismaError({ code: "P2002" }, "taken");
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).code).toBe("CONFLICT");
    const other = new Error("other");
    expect(fromPrismaError(other)).toBe(other);
  });

  it("names the field of a unique violation the pg adapter reports, in actions and route handlers alike", async () => {
    // The shape Prisma 7 with @prisma/adapter-pg throws for a duplicate slug.
    const p2002 = Object.assign(new Error("Unique constraint failed on the constraint: `Story_slug_key`"), {
      code: "P2002",
      meta: {
        modelName: "Story",
        driverAdapterError: { cause: { kind: "UniqueConstraintViolation", constraint: { index: "Story_slug_key" }, table: "Story" } },
      },
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(toActionError(p2002).error).toMatchObject({
      code: "CONFLICT",
      message: /That web address \(slug\) is already taken/,
      fieldErrors: { slug: [expect.any(String)] },
    });
    const res = errorResponse(p2002);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "CONFLICT" } });
    warn.mockRestore();
  });
});
