/*
 * `npm run db:setup` (and the first step of `npm start`, `npm run dev` and the e2e server):
 * migrates the database and, when it holds no organization yet, fills it with demo data.
 */
import { openDatabase } from "../db/client";
import { organizations } from "../db/schema";
import { seedDemoData } from "../db/seed";
import { env } from "../lib/env";

async function main() {
  const { DATABASE_PATH, DB_SYNCHRONOUS } = env();
  const db = openDatabase(DATABASE_PATH, { synchronous: DB_SYNCHRONOUS });
  try {
    const existing = db.select({ id: organizations.id }).from(organizations).limit(1).get();
    if (existing) {
      console.log(`database at ${DATABASE_PATH}: migrated; already has data`);
    } else {
      await seedDemoData(db);
      console.log(`database at ${DATABASE_PATH}: migrated; demo data seeded`);
    }
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
