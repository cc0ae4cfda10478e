import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/*
 * The same page for a parcel that does not exist and one that is not the customer's:
 * which of the two it was is nobody's business.
 */
export default function ParcelNotFound() {
  return (
    <section className="flex flex-col gap-4 py-6">
      <h1 className="text-2xl font-bold">Parcel not found</h1>
      <p className="text-gray-700">
        We could not find that parcel. Your parcels are the ones addressed to your confirmed phone number.
      </p>
      <Link href="/parcels" className={buttonClass("secondary", "w-fit")}>
        Back to my parcels
      </Link>
    </section>
  );
}
