"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/admin", label: "Dashboard", exact: true },
  { href: "/admin/sites", label: "Sites" },
  { href: "/admin/parcels", label: "Parcels" },
  { href: "/admin/people", label: "People" },
  { href: "/admin/carriers", label: "Carriers" },
  { href: "/admin/consent", label: "Consent" },
  { href: "/admin/audit", label: "Audit trail" },
  { href: "/admin/api-tokens", label: "API tokens" },
];

/**
 * The console's sections; the current one is marked for screen readers as well as by colour.
 * On a phone the seven tabs do not fit: they fold into a menu that names the current section
 * (a <details>, so it opens before the page's script has loaded).
 */
export function AdminNav() {
  const pathname = usePathname();
  const isCurrent = (section: (typeof SECTIONS)[number]) =>
    section.exact ? pathname === section.href : pathname === section.href || pathname.startsWith(`${section.href}/`);
  const here = SECTIONS.find(isCurrent);
  return (
    <nav aria-label="Admin" className="-mx-4 border-b border-gray-200 px-4">
      {/* Keyed by the address: a navigation closes the menu. */}
      <details key={pathname} className="group md:hidden">
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 font-semibold text-gray-900 [&::-webkit-details-marker]:hidden">
          <span>
            <span className="text-gray-700">Admin:</span> {here?.label ?? "Sections"}
          </span>
          <span className="inline-flex min-h-9 items-center gap-1 rounded-lg border border-gray-300 px-3 text-sm">
            Menu
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
                {section.label}
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
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
