import { defineConfig } from "prisma/config";

// DATABASE_URL is set by scripts/prisma.ts (embedded PostgreSQL) or by you.
// `prisma generate` needs no database, so a missing URL is not an error here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
