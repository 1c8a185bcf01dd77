import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * "No session" and "the session could not be looked up" must not look alike.
 * next-auth swallows whatever its jwt callback throws and answers "no session",
 * so a database outage would sign everyone out. The callback notes the failure
 * here; getCurrentUser() (which runs auth() inside `withSessionLookup`) then
 * throws it instead of answering null.
 */
const lookup = new AsyncLocalStorage<{ failure?: unknown }>();

/** Run `read` (a call of auth()) and learn whether the session lookup inside it failed. */
export async function withSessionLookup<T>(read: () => Promise<T>): Promise<{ value: T; failure?: unknown }> {
  const state: { failure?: unknown } = {};
  const value = await lookup.run(state, read);
  return { value, failure: state.failure };
}

/** Called by the jwt callback when loading the Session row failed (it then rethrows, failing closed). */
export function noteSessionLookupFailure(err: unknown): void {
  const state = lookup.getStore();
  if (state) state.failure ??= err;
}
