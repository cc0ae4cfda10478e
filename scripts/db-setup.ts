/*
 * `npm run db:setup` (and the first step of `npm start`, `npm run dev` and the e2e server):
 * migrates the database and, when it is empty, fills it with the demo network — unless
 * DEMO_DATA=false, for a real deployment, which starts empty.
 */
import { openDatabase } from "../db/client";
import { organizations } from "../db/schema";
import { seedDemoData } from "../lib/demo/seed";
import { env } from "../lib/env";
import { keysFromHex } from "../lib/pickup-codes/code";

async function main() {
  const config = env();
  const db = openDatabase(config.DATABASE_PATH, { synchronous: config.DB_SYNCHRONOUS });
  try {
    const empty = !db.select({ id: organizations.id }).from(organizations).limit(1).get();
    if (!empty) {
      console.log(`database at ${config.DATABASE_PATH}: migrated; it already has data`);
      return;
    }
    if (!config.DEMO_DATA) {
      console.log(
        `database at ${config.DATABASE_PATH}: migrated; empty (DEMO_DATA=false). Create the first admin:\n` +
          `  npm run admin:create -- --organization "Your Campus" --name "Your Name" --email you@example.edu`,
      );
      return;
    }
    await seedDemoData(db, keysFromHex(config.PICKUP_CODE_HMAC_KEY, config.PICKUP_CODE_ENCRYPTION_KEY));
    console.log(`database at ${config.DATABASE_PATH}: migrated; demo data seeded`);
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
