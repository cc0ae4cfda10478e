import "server-only";
import type { Db } from "./client";

// TODO(lead): placeholder so scripts/db-setup.ts type-checks and runs; replace with the real
// demo data (organization, sites, lockers, slots, carriers, the README's demo accounts).
// Must be idempotent: scripts/db-seed.ts calls it on a database that may already hold it.
export function seedDemoData(_db: Db): void {}
