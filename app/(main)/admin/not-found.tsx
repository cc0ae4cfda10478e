import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Absent, and another organization's, look the same. */
export default function AdminNotFound() {
  return (
    <section className="mx-auto flex max-w-md flex-col gap-4 py-6 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="text-gray-700">
        There is no such site, door, parcel or person in your organization. Other organizations&apos; data is not shown here.
      </p>
      <Link href="/admin" className={buttonClass("primary")}>
        Back to the dashboard
      </Link>
    </section>
  );
}
