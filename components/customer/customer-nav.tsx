"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/parcels", key: "parcels" },
  { href: "/send", key: "send" },
  { href: "/messages", key: "messages" },
  { href: "/account", key: "account" },
] as const;

/** The customer's sections; the current one is marked for screen readers as well as by colour. */
export function CustomerNav() {
  const t = useTranslations("customer.nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="-mx-4 -mt-3 mb-5 border-b border-gray-200 px-4">
      <ul className="flex gap-1">
        {TABS.map((tab) => {
          const current = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-semibold ${
                  current ? "border-brand-600 text-brand-700" : "border-transparent text-gray-700 hover:text-gray-900"
                }`}
              >
                {t(tab.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
