"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/parcels", label: "My parcels" },
  { href: "/send", label: "Send" },
  { href: "/messages", label: "Messages" },
  { href: "/account", label: "Account" },
];

/** The customer's sections; the current one is marked for screen readers as well as by colour. */
export function CustomerNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Customer" className="-mx-4 -mt-3 mb-5 border-b border-gray-200 px-4">
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
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
