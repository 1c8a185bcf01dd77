// @ts-check
const { BASE_HEADERS, HSTS, LOCAL_HOSTS, PUBLIC_CSP } = require("./lib/http/security-headers.cjs");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "sharp", "exifr"],
  poweredByHeader: false,
  // A name for this build (a release tag or commit), set when building: pages open in a
  // browser from an older build then reload on their next navigation instead of calling
  // actions that no longer exist ("Running at scale" in the README). Unset: no check.
  deploymentId: process.env.NEWSROOM_DEPLOYMENT_ID || undefined,
  reactStrictMode: true,
  // Reader pages are answered by our own server (server/main.ts, site/) before Next;
  // what Next serves publicly (feeds, sitemaps) is cached and expired by tag (lib/cache).
  // A CDN may keep serving it for a day while it fetches a fresh one (stale-while-revalidate).
  expireTime: 86_400,
  // The page cache lives in each server process's memory, not in .next (a
  // restart, or the same build run against another database, never serves
  // pages rendered from old content), within NEWSROOM_PAGE_CACHE_MB, with
  // not-found answers kept apart so made-up URLs cannot push real pages out
  // (lib/cache/handler/: memory by default, Redis with REDIS_URL). Next's own memory cache is off.
  cacheHandler: require.resolve("./lib/cache/handler/cache-handler.cjs"),
  cacheMaxMemorySize: 0,
  experimental: {
    isrFlushToDisk: false,
  },
  async headers() {
    const noStore = [{ key: "Cache-Control", value: "no-store" }];
    return [
      { source: "/:path*", headers: Object.entries(BASE_HEADERS).map(([key, value]) => ({ key, value })) },
      { source: "/:path*", missing: [{ type: "host", value: `(${LOCAL_HOSTS})` }], headers: [{ key: "Strict-Transport-Security", value: HSTS }] },
      // Newsroom and sign-in pages get a per-request nonce policy from proxy.ts instead; images carry their own (sandbox).
      { source: "/((?!newsroom|login|api/media/).*)", headers: [{ key: "Content-Security-Policy", value: PUBLIC_CSP }] },
      // Nothing signed-in is ever kept by a browser or a CDN (images set their own, immutable, header).
      { source: "/newsroom/:path*", headers: noStore },
      { source: "/login", headers: noStore },
      { source: "/api/:path((?!media/).*)", headers: noStore },
      { source: "/api/media", headers: noStore },
    ];
  },
  async redirects() {
    // The front page's address before the reader site had its own server (site/).
    return [{ source: "/editions/main", destination: "/", permanent: true }];
  },
};

module.exports = nextConfig;
