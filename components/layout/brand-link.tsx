import Link from "next/link";
import { useTranslations } from "next-intl";

/** The brand mark and name, linking home: in the site header and on screens drawn without it. */
export function BrandLink() {
  const t = useTranslations("common");
  return (
    <Link href="/" className="flex items-center gap-2 whitespace-nowrap text-lg font-bold text-brand-700">
      <span aria-hidden className="grid h-8 w-8 place-items-center rounded-md bg-brand-600 text-white">
        ▦
      </span>
      {t("brand")}
    </Link>
  );
}
