import Link from "next/link";
import { Logo } from "@/components/brand/logo";

/** The brand mark and name, linking home: in the site header and on screens drawn without it. */
export function BrandLink() {
  return (
    <Link href="/" className="flex items-center gap-2 whitespace-nowrap text-lg font-bold text-brand-700">
      <Logo size={32} />
      Parcel Lockers
    </Link>
  );
}
