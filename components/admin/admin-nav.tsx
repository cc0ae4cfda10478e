"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const SECTIONS = [
  { href: "/admin", name: "dashboard", exact: true },
  { href: "/admin/sites", name: "sites" },
  { href: "/admin/parcels", name: "parcels" },
  { href: "/admin/people", name: "people" },
  { href: "/admin/carriers", name: "carriers" },
  { href: "/admin/consent", name: "consent" },
  { href: "/admin/audit", name: "audit" },
  { href: "/admin/api-tokens", name: "apiTokens" },
] as const;

/**
 * The console's sections; the current one is marked for screen readers as well as by colour.
 * On a phone the seven tabs do not fit: they fold into a menu that names the current section
 * (a <details>, so it opens before the page's script has loaded).
 */
export function AdminNav() {
  const pathname = usePathname();
  const t = useTranslations("admin.shell.nav");
  const isCurrent = (section: (typeof SECTIONS)[number]) =>
    "exact" in section ? pathname === section.href : pathname === section.href || pathname.startsWith(`${section.href}/`);
  const here = SECTIONS.find(isCurrent);
  return (
    <nav aria-label={t("label")} className="-mx-4 border-b border-gray-200 px-4">
      {/* Keyed by the address: a navigation closes the menu. */}
      <details key={pathname} className="group md:hidden">
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 font-semibold text-gray-900 [&::-webkit-details-marker]:hidden">
          <span>
            {t.rich("here", {
              section: here ? t(here.name) : t("sections"),
              label: (chunks) => <span className="text-gray-700">{chunks}</span>,
            })}
          </span>
          <span className="inline-flex min-h-9 items-center gap-1 rounded-lg border border-gray-300 px-3 text-sm">
            {t("menu")}
            <span aria-hidden className="transition-transform group-open:rotate-180">
              ▾
            </span>
          </span>
        </summary>
        <ul className="flex flex-col pb-2">
          {SECTIONS.map((section) => (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={isCurrent(section) ? "page" : undefined}
                className={`flex min-h-11 items-center rounded-lg px-3 font-semibold ${
                  isCurrent(section) ? "bg-brand-50 text-brand-800" : "text-gray-800 hover:bg-gray-50"
                }`}
              >
                {t(section.name)}
              </Link>
            </li>
          ))}
        </ul>
      </details>
      <ul className="hidden gap-1 md:flex">
        {SECTIONS.map((section) => {
          const current = isCurrent(section);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-flex min-h-11 items-center whitespace-nowrap border-b-2 px-3 text-sm font-semibold ${
                  current ? "border-brand-600 text-brand-700" : "border-transparent text-gray-700 hover:text-gray-900"
                }`}
              >
                {t(section.name)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
