import Link from "next/link";
import { RouteState } from "@/components/layout/route-state";
import { buttonClass } from "@/components/ui/button";

/** Absent, and another organization's, look the same. */
export default function AdminNotFound() {
  return (
    <RouteState
      title="Not found"
      actions={
        <Link href="/admin" className={buttonClass("primary")}>
          Back to the dashboard
        </Link>
      }
    >
      <p>There is no such site, door, parcel or person in your organization. Other organizations&apos; data is not shown here.</p>
    </RouteState>
  );
}
