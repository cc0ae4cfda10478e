/*
 * Next.js calls register() once when a server process starts. The Node.js server runs the
 * housekeeping timer (parcel sweep + outbox delivery), connects to the cabinets' broker
 * when DOOR_CONTROLLER=mqtt (lib/fleet/start.ts) and publishes the lean /api/v1
 * handler for scripts/server.mjs; the edge runtime, which has no SQLite, and the build,
 * which must not touch the database, do neither.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startBackgroundJobs } = await import("./lib/background/round");
  startBackgroundJobs();
  const { startCabinetRecorder } = await import("./lib/fleet/start");
  startCabinetRecorder();
  const { publishNodeApiHandler } = await import("./lib/api/node-server");
  publishNodeApiHandler();
}
