/* `npm run db:migrate`: applies pending migrations from db/migrations, nothing else. */
import { openDatabase } from "../db/client";
import { env } from "../lib/env";

function main() {
  const { DATABASE_PATH, DB_SYNCHRONOUS } = env();
  const db = openDatabase(DATABASE_PATH, { synchronous: DB_SYNCHRONOUS });
  db.$client.close();
  console.log(`database at ${DATABASE_PATH}: migrated`);
}

try {
  main();
} catch (error: unknown) {
  console.error(error);
  process.exit(1);
}
