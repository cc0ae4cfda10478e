import Link from "next/link";
import { RouteState } from "@/components/layout/route-state";
import { buttonClass } from "@/components/ui/button";

/*
 * The same page for a parcel that does not exist and one that is not the customer's:
 * which of the two it was is nobody's business.
 */
export default function ParcelNotFound() {
  return (
    <RouteState
      title="Parcel not found"
      actions={
        <Link href="/parcels" className={buttonClass("primary")}>
          Back to My parcels
        </Link>
      }
    >
      <p>We could not find that parcel. Your parcels are the ones addressed to your confirmed phone number.</p>
    </RouteState>
  );
}
