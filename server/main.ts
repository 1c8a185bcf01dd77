/**
 * The app's HTTP server: what `npm start` runs (through scripts/serve.ts) and
 * what every test and the bench start.
 *
 * Reader pages are answered here (site/): from the page cache, or rendered with
 * React's static renderer into plain HTML — no framework runtime, no flight data,
 * no script at all — and kept until a change expires them. Everything else (the
 * newsroom, sign-in, the API, feeds and sitemaps, Next's assets, public files) is
 * handed to Next's request handler, in the same process, so Next's
 * `revalidateTag` and this server share one page cache.
 *
 * Run with TSX_TSCONFIG_PATH=tsconfig.server.json: the site's code imports the
 * same lib/ modules as Next's bundle, outside it, where "server-only" has to
 * resolve to its empty module (Next does the same for its server bundles).
 *
 *   node --import tsx server/main.ts [--dev]      on PORT (3000), every address of the machine
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer } from "node:http";

// What Next's own start-up sets before anything loads next/cache, which lib/ imports
// (node_modules/next/dist/server/node-environment-baseline.js).
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT || 3000);
  const { default: next } = await import("next");
  const [{ readerRoute, serveReader }, { loadSiteAssets, assetFor, sendAsset }] = await Promise.all([import("../site/serve"), import("../site/assets")]);
  const assets = await loadSiteAssets(dev);
  const app = next({ dev, dir: process.cwd(), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Every public change is an event (lib/changes.ts); this process hears them all: it expires its pages, and
  // (with the other processes, each event once) queues webhook deliveries, which its sender sends.
  const [
    { startEventStream },
    { pageCacheConsumer },
    { closeLiveStreams, liveUpdatesStory, serveLiveUpdates, tellLivePages },
    { webhookFanOutConsumer },
    { startWebhookSender },
    { startRetention },
    { config },
  ] = await Promise.all([
    import("../lib/events/stream"),
    import("../lib/events/page-cache"),
    import("../lib/live/updates"),
    import("../lib/webhooks/fan-out"),
    import("../lib/webhooks/deliver"),
    import("../lib/events/retention"),
    import("../lib/config/config"),
  ]);
  const sender = config("NEWSROOM_WEBHOOKS") ? startWebhookSender() : null;
  // Open live pages are told once the page cache has expired what changed.
  const events = await startEventStream([pageCacheConsumer({ expired: tellLivePages }), webhookFanOutConsumer(() => sender?.wake())]);
  const stopRetention = startRetention();
  const [{ isApiPath, serveApi }, { serveShare, shareToken }, { flushApiKeyUsage }] = await Promise.all([
    import("./api/serve"),
    import("../site/share"),
    import("../lib/api-keys/usage"),
  ]);
  const server = createServer((req, res) => {
    const asset = assetFor(req, assets);
    if (asset) {
      sendAsset(req, res, asset);
      return;
    }
    // An open live page listening for new entries.
    const live = req.method === "GET" || req.method === "HEAD" ? liveUpdatesStory(req.url) : null;
    if (live) {
      void serveLiveUpdates(live, req, res).catch((err) => {
        console.error("[live]", err);
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    // The delivery API (/api/v1) and share links are ours, like reader pages.
    if (isApiPath(req.url)) {
      void serveApi(req, res);
      return;
    }
    const share = req.method === "GET" || req.method === "HEAD" ? shareToken(req.url) : null;
    if (share) {
      void serveShare(share, req, res, assets);
      return;
    }
    const route = readerRoute(req);
    if (route) void serveReader(route, req, res, assets);
    else void handle(req, res);
  });
  // Like `next start`: keep idle connections a little longer than a load balancer's usual 60 s.
  server.keepAliveTimeout = 65_000;
  // Every address, as `next start` does (no -H): localhost, 127.0.0.1, [::1] and the machine's names.
  server.listen(port, () => console.log(`[server] listening on port ${port}${dev ? " (development)" : ""}`));
  const stop = () => {
    // Open live pages' streams would hold the server open: end them (their browsers reconnect to another process).
    closeLiveStreams();
    server.close(() => {
      stopRetention();
      // The last quarter second of API key use is written before the process goes.
      void Promise.all([events.stop(), sender?.stop(), flushApiKeyUsage()]).finally(() => process.exit(0));
    });
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
