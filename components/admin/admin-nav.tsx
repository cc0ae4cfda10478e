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

/** The console's sections; the current one is marked for screen readers as well as by colour. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="-mx-4 border-b border-gray-200 px-4">
      <ul className="flex gap-1 overflow-x-auto">
        {SECTIONS.map((section) => {
          const current = section.exact ? pathname === section.href : pathname === section.href || pathname.startsWith(`${section.href}/`);
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
