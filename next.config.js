// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "sharp", "exifr"],
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
