/**
 * `npm run db:seed`: demo content for the embedded demo database (see
 * prisma/seed/demo.ts). Refuses to put public demo passwords into a database
 * given by DATABASE_URL (the environment, .env or .env.local) unless
 * NEWSROOM_SEED_DEMO=1 says you mean it.
 */
import { ConfigError, assertConfig } from "../lib/config/config";
import { loadEnvFiles } from "../lib/config/env-files";
import { resolveDatabase } from "../lib/db/embedded";

async function main() {
  loadEnvFiles();
  const settings = assertConfig();
  const db = await resolveDatabase();
  try {
    if (!db.embedded && !settings.NEWSROOM_SEED_DEMO) {
      console.error("DATABASE_URL is set: demo accounts with public passwords are not created there. Set NEWSROOM_SEED_DEMO=1 to do it anyway.");
      process.exitCode = 1;
      return;
    }
    process.env.DATABASE_URL = db.url;
    const { seedDemoContent } = await import("../prisma/seed/demo");
    const { prisma } = await import("../lib/db/client");
    const seeded = await seedDemoContent();
    console.log(seeded ? "Demo content seeded." : "Nothing to seed: the database already has content.");
    await prisma.$disconnect();
  } finally {
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
