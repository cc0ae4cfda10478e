import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { useTranslations } from "next-intl";

/** The brand mark and name, linking home: in the site header and on screens drawn without it. */
export function BrandLink() {
  const t = useTranslations("common");
  return (
    <Link href="/" className="flex items-center gap-2 whitespace-nowrap text-base font-bold text-brand-700 sm:text-lg">
      <Logo size={32} />
      {t("brand")}
    </Link>
  );
}
