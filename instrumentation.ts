/**
 * Runs once when the Next server starts: the editorial scheduler (scheduled
 * publishing and unpublishing) lives in every app process; row locks make sure
 * each story is acted on once however many run. The weather refresh, too.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First: every request from now on carries its TCP peer's address (the client's, with no proxy) for throttling.
  const { installPeerAddress } = await import("@/lib/http/peer-address");
  installPeerAddress();
  // A bad configuration value stops the server here, with the list of what is wrong (npm start checks it earlier).
  const { assertConfig } = await import("@/lib/config/config");
  assertConfig();
  const { startScheduler } = await import("@/lib/stories/scheduler");
  startScheduler();
  // Forecasts are fetched in the background and stored; pages only read what is stored.
  const { startWeatherLoop } = await import("@/lib/weather/forecasts");
  startWeatherLoop();
}
