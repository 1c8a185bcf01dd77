import { isDatabaseUnavailable } from "./db/unavailable";

/**
 * One error type for everything a domain function refuses. Server actions turn
 * it into `{ ok: false, error }`, route handlers into an HTTP status, pages into
 * notFound() or a redirect.
 */
export type TErrorCode =
  /** No signed-in user, or the session ended: sign in again. */
  | "UNAUTHORIZED"
  /** Signed in, but this role may not do this. */
  | "FORBIDDEN"
  /** Does not exist, or the actor may not know it exists. */
  | "NOT_FOUND"
  /** The input failed validation; fieldErrors say where. */
  | "INVALID_INPUT"
  /** Someone else changed it first, or a unique value is taken. */
  | "CONFLICT"
  /** Too many attempts; try again later. */
  | "RATE_LIMITED"
  /** The request (an upload) is larger than allowed. */
  | "TOO_LARGE"
  /** The request's body stopped arriving (a stalled upload). HTTP 408. */
  | "TIMEOUT"
  /** The database cannot be reached (down, restarting, connection lost): nothing was done; try again shortly. HTTP 503. */
  | "UNAVAILABLE";

export type TFieldErrors = Record<string, string[] | undefined>;

export class AppError extends Error {
  readonly code: TErrorCode;
  readonly fieldErrors?: TFieldErrors;

  constructor(code: TErrorCode, message: string, fieldErrors?: TFieldErrors) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

/** RATE_LIMITED with how long to wait (a Retry-After header). */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  /** The limit that was reached, when it is a count (an API key's requests a minute). */
  readonly limit: number | null;

  constructor(message: string, retryAfterSeconds: number, limit: number | null = null) {
    super("RATE_LIMITED", message);
    this.retryAfterSeconds = retryAfterSeconds;
    this.limit = limit;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The newsroom can't reach its database; your work is kept in this browser and will be saved when it's back.";
/** What a 503 for UNAVAILABLE tells clients to wait before trying again (Retry-After, seconds). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** A lost or refused database connection (lib/db/unavailable.ts decides) becomes UNAVAILABLE here, and only here. */
export function fromDatabaseOutage(err: unknown): unknown {
  if (isAppError(err) || !isDatabaseUnavailable(err)) return err;
  return new AppError("UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE);
}

export type TUniqueViolation = { model?: string; constraint?: string; fields: string[] };

/**
 * Which unique constraint a Prisma P2002 broke (model, index, fields) as far as
 * Prisma or the driver adapter says; null for any other error. The pg adapter
 * names the index ("Story_slug_key"); Prisma's own names are Model_field_key.
 */
export function uniqueViolation(err: unknown): TUniqueViolation | null {
  if (typeof err !== "object" || err === null || (err as { code?: unknown }).code !== "P2002") return null;
  const meta = ((err as { meta?: unknown }).meta ?? {}) as {
    modelName?: string;
    target?: unknown;
    driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string }; table?: string } };
  };
  const cause = meta.driverAdapterError?.cause;
  const model = meta.modelName ?? cause?.table;
  const constraint = cause?.constraint?.index ?? (typeof meta.target === "string" ? meta.target : undefined);
  let fields = cause?.constraint?.fields ?? (Array.isArray(meta.target) ? meta.target.map(String) : []);
  if (!fields.length && model && constraint?.startsWith(`${model}_`) && constraint.endsWith("_key")) fields = constraint.slice(model.length + 1, -4).split("_");
  return { model, constraint, fields };
}

const FIELD_LABEL: Record<string, string> = { slug: "web address (slug)", email: "email address", userId: "account", sha256: "file", name: "name" };

/**
 * Prisma's unique-constraint violation becomes CONFLICT here, and only here:
 * with the caller's sentence, or one naming the field when it is known. Server
 * actions and route handlers map any P2002 that reaches them through this.
 */
export function fromPrismaError(err: unknown, conflictMessage?: string): unknown {
  const violation = uniqueViolation(err);
  if (!violation) return err;
  if (conflictMessage) return new AppError("CONFLICT", conflictMessage);
  const labels = violation.fields.map((f) => FIELD_LABEL[f] ?? f);
  if (!labels.length) return new AppError("CONFLICT", "That value is already taken. Change it and try again; your input is kept.");
  const fieldErrors = Object.fromEntries(violation.fields.map((f) => [f, ["Already taken; choose another."]]));
  const what = labels.length === 1 ? `That ${labels[0]} is` : `That combination of ${labels.slice(0, -1).join(", ")} and ${labels.at(-1)} is`;
  return new AppError("CONFLICT", `${what} already taken. Change it and try again; your input is kept.`, fieldErrors);
}

export type TActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: TErrorCode | "INTERNAL"; message: string; fieldErrors?: TFieldErrors } };

/** What a server action returns for a thrown error: AppErrors as they are, anything else logged and hidden. */
export function toActionError(err: unknown): Extract<TActionResult<never>, { ok: false }> {
  if (!isAppError(err) && isDatabaseUnavailable(err)) {
    console.warn("Database unreachable in server action:", (err as Error)?.message ?? err);
    return toActionError(fromDatabaseOutage(err));
  }
  if (isAppError(err)) return { ok: false, error: { code: err.code, message: err.message, fieldErrors: err.fieldErrors } };
  const conflict = fromPrismaError(err);
  if (isAppError(conflict)) {
    console.warn("Unhandled unique violation in server action:", uniqueViolation(err));
    return toActionError(conflict);
  }
  console.error("Unexpected error in server action:", err);
  return { ok: false, error: { code: "INTERNAL", message: "Something went wrong on our side. Your input is kept; please try again." } };
}

const STATUS: Record<TErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  TIMEOUT: 408,
  UNAVAILABLE: 503,
};

/** What an HTTP answer to a thrown error is: status, JSON body, headers (Retry-After). Logs what is not an AppError. */
export function errorAnswer(err: unknown): {
  status: number;
  body: { error: { code: string; message: string; fieldErrors?: TFieldErrors } };
  headers: Record<string, string>;
} {
  const outage = fromDatabaseOutage(err);
  if (outage !== err) {
    console.warn("Database unreachable in route handler:", (err as Error)?.message ?? err);
    return errorAnswer(outage);
  }
  if (isAppError(err) && err.code === "UNAVAILABLE") {
    return {
      status: 503,
      body: { error: { code: err.code, message: err.message } },
      headers: { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
    };
  }
  const conflict = fromPrismaError(err);
  if (conflict !== err) {
    console.warn("Unhandled unique violation in route handler:", uniqueViolation(err));
    return errorAnswer(conflict);
  }
  if (isAppError(err)) {
    const headers: Record<string, string> = err instanceof RateLimitedError ? { "Retry-After": String(err.retryAfterSeconds) } : {};
    return { status: STATUS[err.code], body: { error: { code: err.code, message: err.message, fieldErrors: err.fieldErrors } }, headers };
  }
  console.error("Unexpected error in route handler:", err);
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong on our side." } }, headers: {} };
}

/** The HTTP response a route handler sends for a thrown error. */
export function errorResponse(err: unknown): Response {
  const { status, body, headers } = errorAnswer(err);
  return Response.json(body, { status, headers });
}
