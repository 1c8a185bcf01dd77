/**
 * `npm run db:seed`: demo content for the embedded demo database (see
 * prisma/seed/demo.ts). Refuses to put public demo passwords into a database
 * given by DATABASE_URL unless NEWSROOM_SEED_DEMO=1 says you mean it.
 */
import { resolveDatabase } from "../lib/db/embedded";

async function main() {
  const db = await resolveDatabase();
  try {
    if (!db.embedded && process.env.NEWSROOM_SEED_DEMO !== "1") {
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
  console.error(err);
  process.exit(1);
});
