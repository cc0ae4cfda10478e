/*
 * One round of the server's housekeeping (parcel sweep, then outbox delivery) on the e2e
 * server's database, run by a journey that expects a message: it need not wait for the
 * server's own 10-second timer. The outbox's lease keeps the two rounds from sending a
 * message twice (lib/notifications/worker.ts).
 *
 *   DATABASE_PATH=… TEST_CLOCK=true node scripts/run-ts.mjs e2e/support/run-background.ts
 */
import { openDatabase } from "@/db/client";
import { now } from "@/lib/clock";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { env } from "@/lib/env";
import { runBackgroundJobsOnce } from "@/lib/background/round";
import { keysFromHex } from "@/lib/pickup-codes/code";

async function main() {
  const config = env();
  // The server migrated it; a second migrator here could only race it.
  const db = openDatabase(config.DATABASE_PATH, { migrate: false });
  try {
    const keys = keysFromHex(config.PICKUP_CODE_HMAC_KEY, config.PICKUP_CODE_ENCRYPTION_KEY);
    const round = await runBackgroundJobsOnce({ db, actor: { kind: "system" }, now, doors: new SimulatedDoorController(), keys });
    console.log(JSON.stringify(round.delivery));
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
