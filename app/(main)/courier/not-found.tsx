import Link from "next/link";
import { RouteState } from "@/components/layout/route-state";
import { buttonClass } from "@/components/ui/button";

/** A site or parcel that does not exist, or that is not the courier's: both look the same. */
export default function CourierNotFound() {
  return (
    <RouteState
      title="Not found"
      actions={
        <Link href="/courier" className={buttonClass("primary")}>
          Back to your sites
        </Link>
      }
    >
      <p>There is no such site or parcel among yours. Parcels of other carriers, and sites you are not assigned to, are not shown.</p>
    </RouteState>
  );
}
