/**
 * The one place that recognises "the database cannot be reached" (server
 * down or restarting, connection refused, reset or cut, timed out) among the
 * errors pg, @prisma/adapter-pg and Prisma throw, as opposed to a query that
 * reached PostgreSQL and failed. Pure: no database, no server-only, so it is
 * unit-tested with the errors' real shapes.
 */

/** Node socket errors that mean the server was not there or went away. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * SQLSTATEs of a server going away or refusing new sessions: class 08
 * (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up / shutting down / in recovery).
 */
const SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03"]);

/**
 * Prisma's codes for the same: P1001 can't reach, P1002 timed out, P1008
 * operation timed out, P1017 server closed the connection, P2024 timed out
 * waiting for a pooled connection.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** @prisma/driver-adapter-utils error kinds for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** pg's own messages for a connection lost or never made (it gives them no code). */
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Can't reach database server/i,
  /server closed the connection unexpectedly/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== "object" || err === null || depth > 5) return false;
  const e = err as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string" && (SOCKET_CODES.has(e.code) || SQLSTATES.has(e.code) || PRISMA_CODES.has(e.code))) return true;
  if (typeof e.originalCode === "string" && (SQLSTATES.has(e.originalCode) || SOCKET_CODES.has(e.originalCode))) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // AggregateError (a connect attempt over IPv4 and IPv6), wrapped causes.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
