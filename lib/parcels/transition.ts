import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { preparedQuery } from "@/db/prepared";
import { parcels, type ParcelState } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import type { ParcelRow } from "./access";
import { recordParcelEvent } from "./events";
import { assertTransition } from "./lifecycle";

type Patch = Partial<Omit<typeof parcels.$inferInsert, "id" | "state">>;
type PatchField = keyof Patch;

/**
 * Moves a parcel along one arrow of the lifecycle and writes its event. The update is
 * guarded by the state it was read in, so a change that raced past this one is refused
 * rather than overwritten. Call inside a write transaction.
 */
export function moveParcel(
  ctx: Ctx,
  parcel: ParcelRow,
  to: ParcelState,
  patch: Patch = {},
  detail?: Record<string, unknown>,
): ParcelRow {
  assertTransition(parcel.state, to);
  // As drizzle's set() does: an undefined field is left alone. The state and updatedAt are always ours.
  const fields = (Object.keys(patch) as PatchField[])
    .filter((field) => patch[field] !== undefined && field !== "updatedAt" && (field as string) !== "state")
    .sort();
  const values: Record<string, unknown> = { guardId: parcel.id, guardState: parcel.state, state: to, updatedAt: ctx.now() };
  for (const field of fields) values[field] = patch[field];
  const updated = guardedUpdate(fields)(ctx.db).get(values);
  if (!updated) throw new DomainError("CONFLICT", "parcelChangedMeanwhile");
  recordParcelEvent(ctx, {
    parcelId: parcel.id,
    siteId: updated.siteId,
    slotId: updated.slotId,
    kind: to,
    from: parcel.state,
    to,
    detail,
  });
  return updated;
}

/**
 * The guarded update of moveParcel, prepared once per connection for each set of patched
 * fields (a handful: each call site patches the same fields every time). Its placeholders
 * carry the columns' own encoding (drizzle wraps them with the column), so booleans are
 * stored as drizzle stores them.
 */
function preparedGuardedUpdate(fields: readonly PatchField[]) {
  return preparedQuery((db) => {
    const set: Record<string, unknown> = { state: sql.placeholder("state"), updatedAt: sql.placeholder("updatedAt") };
    for (const field of fields) set[field] = sql.placeholder(field);
    return db
      .update(parcels)
      .set(set as SQLiteUpdateSetSource<typeof parcels>)
      .where(and(eq(parcels.id, sql.placeholder("guardId")), eq(parcels.state, sql.placeholder("guardState"))))
      .returning()
      .prepare();
  });
}
const guardedUpdates = new Map<string, ReturnType<typeof preparedGuardedUpdate>>();

function guardedUpdate(fields: readonly PatchField[]) {
  const shape = fields.join(",");
  let query = guardedUpdates.get(shape);
  if (!query) {
    query = preparedGuardedUpdate(fields);
    guardedUpdates.set(shape, query);
  }
  return query;
}
