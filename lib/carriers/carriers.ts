import "server-only";
import { asc, sql } from "drizzle-orm";
import { carriers } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { isUniqueViolation } from "@/db/sqlite-errors";
import { recordAudit } from "@/lib/audit/record";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, field } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { CreateCarrierInput } from "./schemas";

/*
 * Carriers are shared by the whole network (one ZTO, whichever campus it delivers to), so
 * any admin may list them and add a missing one; the addition is on the adding admin's
 * audit trail. Editing or removing a carrier would change other organizations' data and
 * is left to the operator of the network.
 */

export type CarrierSummary = {
  id: number;
  code: string;
  name: string;
  contactPhone: string | null;
  /** Of the admin's organization: its couriers and its parcels at the sites. */
  couriers: number;
  parcels: number;
};

/** Every carrier, with the admin's organization's couriers and parcels of each. Admins only. */
export function listCarriers(ctx: Ctx): CarrierSummary[] {
  const admin = requireAdmin(ctx);
  const counts = ctx.db.all<{ id: number; couriers: number; parcels: number }>(sql`
    select c.id,
           (select count(*) from users u where u.carrier_id = c.id and u.organization_id = ${admin.organizationId}) as couriers,
           (select count(*) from parcels p join sites st on st.id = p.site_id
             where p.carrier_id = c.id and st.organization_id = ${admin.organizationId}) as parcels
    from carriers c`);
  return ctx.db
    .select()
    .from(carriers)
    .orderBy(asc(carriers.name))
    .all()
    .map((carrier) => {
      const count = counts.find((c) => c.id === carrier.id);
      return {
        id: carrier.id,
        code: carrier.code,
        name: carrier.name,
        contactPhone: carrier.contactPhone,
        couriers: count?.couriers ?? 0,
        parcels: count?.parcels ?? 0,
      };
    });
}

/**
 * Adds a carrier to the network. Any admin. Raises INVALID and CONFLICT (the code is
 * taken).
 */
export function createCarrier(ctx: Ctx, raw: unknown): CarrierSummary {
  const admin = requireAdmin(ctx);
  const input = parseInput(CreateCarrierInput, raw);
  try {
    return writeTransaction(ctx.db, () => {
      const carrier = ctx.db
        .insert(carriers)
        .values({ code: input.code, name: input.name, contactPhone: input.contactPhone ?? null, trackingUrl: input.trackingUrl ?? null, createdAt: ctx.now() })
        .returning()
        .get();
      recordAudit(ctx, admin, { action: "carrier.created", subject: `carrier:${carrier.id}`, detail: { code: carrier.code, name: carrier.name } });
      return { id: carrier.id, code: carrier.code, name: carrier.name, contactPhone: carrier.contactPhone, couriers: 0, parcels: 0 };
    });
  } catch (error) {
    if (isUniqueViolation(error, "carriers.code")) {
      throw new DomainError("CONFLICT", "carrierCodeTaken", {
        params: { code: input.code },
        fields: { code: [field("carrierCodeTaken", { code: input.code })] },
      });
    }
    throw error;
  }
}
