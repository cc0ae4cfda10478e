"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";

/** The courier's two places: the sites (and everything done at one) and today's work. */
export function CourierNav() {
  const t = useTranslations("courier.nav");
  const path = usePathname();
  const today = path.startsWith("/courier/today") || path.startsWith("/courier/parcels");
  const link = (active: boolean) =>
    `flex min-h-11 items-center rounded-lg px-4 font-semibold ${active ? "bg-brand-600 text-white" : "text-gray-800 hover:bg-gray-100"}`;
  return (
    <nav aria-label={t("label")} className="mb-5 flex gap-2 border-b border-gray-200 pb-3">
      <Link href="/courier" aria-current={!today && path === "/courier" ? "page" : undefined} className={link(!today)}>
        {t("sites")}
      </Link>
      <Link href="/courier/today" aria-current={path === "/courier/today" ? "page" : undefined} className={link(today)}>
        {t("today")}
      </Link>
    </nav>
  );
}
