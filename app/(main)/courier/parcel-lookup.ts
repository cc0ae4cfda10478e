import "server-only";
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
