import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** A site or parcel that does not exist, or that is not the courier's: both look the same. */
export default function CourierNotFound() {
  return (
    <section className="mx-auto flex max-w-md flex-col gap-4 py-6 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="text-gray-700">
        There is no such site or parcel among yours. Parcels of other carriers, and sites you are not assigned to, are not shown.
      </p>
      <Link href="/courier" className={buttonClass("primary")}>
        Back to your sites
      </Link>
    </section>
  );
}
