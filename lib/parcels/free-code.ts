import "server-only";
import { LIVE_STATES_SQL } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { encryptPickupCode, generatePickupCode, hashPickupCode } from "@/lib/pickup-codes/code";

/** A fresh code with its look-up hash and its encrypted copy, as the database keeps them. */
export type FreshCode = { code: string; hash: string; cipher: string };

/**
 * A fresh code that no live parcel of the site holds, neither as its own code nor as a
 * trusted person's (invariant 3 across both, decision 0001). With at most a thousand
 * working codes among a million, a clash is rare; the partial unique indexes and the
 * triggers of migration 0015 are the final word. Call inside the transaction that stores it.
 */
export function freePickupCode(ctx: Ctx, siteId: number): FreshCode {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = generatePickupCode();
    const hash = hashPickupCode(ctx.keys, siteId, code);
    const taken = ctx.db.$client
      .prepare(
        `select 1 from parcels where site_id = ? and pickup_code_hash = ? and state in ${LIVE_STATES_SQL}
         union all
         select 1 from trusted_pickups where site_id = ? and code_hash = ? and status = 'active'`,
      )
      .get(siteId, hash, siteId, hash);
    if (!taken) return { code, hash, cipher: encryptPickupCode(ctx.keys, code) };
  }
  throw new Error(`Could not draw a free pickup code at site ${siteId}`);
}
