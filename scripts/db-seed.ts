/*
 * `npm run db:seed`: migrates, then adds the demo network unless it is already there —
 * running it twice changes nothing the second time.
 */
import { openDatabase } from "../db/client";
import { seedDemoData } from "../lib/demo/seed";
import { env } from "../lib/env";
import { keysFromHex } from "../lib/pickup-codes/code";

async function main() {
  const config = env();
  const db = openDatabase(config.DATABASE_PATH, { synchronous: config.DB_SYNCHRONOUS });
  try {
    const added = await seedDemoData(db, keysFromHex(config.PICKUP_CODE_HMAC_KEY, config.PICKUP_CODE_ENCRYPTION_KEY));
    console.log(`database at ${config.DATABASE_PATH}: ${added ? "demo data seeded" : "demo data already present; nothing changed"}`);
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
