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
  | "TOO_LARGE";

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

  constructor(message: string, retryAfterSeconds: number) {
    super("RATE_LIMITED", message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** Prisma's unique-constraint violation becomes CONFLICT here, and only here. */
export function fromPrismaError(err: unknown, conflictMessage = "That value is already taken."): unknown {
  if (typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002") {
    return new AppError("CONFLICT", conflictMessage);
  }
  return err;
}

export type TActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: TErrorCode | "INTERNAL"; message: string; fieldErrors?: TFieldErrors } };

/** What a server action returns for a thrown error: AppErrors as they are, anything else logged and hidden. */
export function toActionError(err: unknown): Extract<TActionResult<never>, { ok: false }> {
  if (isAppError(err)) return { ok: false, error: { code: err.code, message: err.message, fieldErrors: err.fieldErrors } };
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
};

/** The HTTP response a route handler sends for a thrown error. */
export function errorResponse(err: unknown): Response {
  if (isAppError(err)) {
    return Response.json({ error: { code: err.code, message: err.message, fieldErrors: err.fieldErrors } }, { status: STATUS[err.code] });
  }
  console.error("Unexpected error in route handler:", err);
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
}
