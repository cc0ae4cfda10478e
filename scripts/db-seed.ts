/*
 * `npm run db:seed`: migrates, then (re)applies the demo data. seedDemoData is idempotent,
 * so running this on a database that already holds the demo data changes nothing.
 */
import { openDatabase } from "../db/client";
import { seedDemoData } from "../db/seed";
import { env } from "../lib/env";

async function main() {
  const { DATABASE_PATH, DB_SYNCHRONOUS } = env();
  const db = openDatabase(DATABASE_PATH, { synchronous: DB_SYNCHRONOUS });
  try {
    await seedDemoData(db);
    console.log(`database at ${DATABASE_PATH}: migrated; demo data seeded`);
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
