/**
 * Runs once when the Next server starts: the editorial scheduler (scheduled
 * publishing and unpublishing) lives in every app process; row locks make sure
 * each story is acted on once however many run.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startScheduler } = await import("@/lib/stories/scheduler");
  startScheduler();
}
