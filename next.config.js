// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "sharp", "exifr"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Public pages are cached whole and expired by tag (lib/cache). A CDN may keep
  // serving a page for a day while it fetches a fresh one (stale-while-revalidate).
  expireTime: 86_400,
  experimental: {
    // The page cache lives in each server process's memory, not in .next: a
    // restart, or the same build run against another database, never serves
    // pages rendered from old content.
    isrFlushToDisk: false,
  },
  async rewrites() {
    // The front page has a parameter so that it is rendered at run time, not at build (see its page).
    return { beforeFiles: [{ source: "/", destination: "/editions/main" }], afterFiles: [], fallback: [] };
  },
  async redirects() {
    return [{ source: "/editions/main", destination: "/", permanent: true }];
  },
};

module.exports = nextConfig;
