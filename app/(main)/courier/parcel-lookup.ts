import "server-only";
import { notFound } from "next/navigation";
import type { Ctx } from "@/lib/context";
import { isDomainError } from "@/lib/errors";
import { viewParcel } from "@/lib/parcels/timeline";
import type { ParcelView } from "@/lib/parcels/view";
import { routeId } from "./route-id";

/**
 * A parcel named in a query string ("?last=12"), for a notice about it — or nothing, when
 * the id is not one the courier may see. A notice is never worth an error page.
 */
export function parcelForNotice(ctx: Ctx, raw: string | string[] | undefined): ParcelView | null {
  const id = routeId(typeof raw === "string" ? raw : undefined);
  if (id === null) return null;
  try {
    return viewParcel(ctx, id);
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** Runs a read; a NOT_FOUND (absent, or not the courier's to see) becomes the 404 page. */
export function orNotFound<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
