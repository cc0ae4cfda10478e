import Link from "next/link";

const TABS = [
  { key: "couriers", href: "/admin/people", label: "Couriers" },
  { key: "admins", href: "/admin/people/admins", label: "Admins" },
  { key: "customers", href: "/admin/people/customers", label: "Customers" },
] as const;

export function PeopleTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  return (
    <nav aria-label="People">
      <ul className="inline-flex rounded-lg border border-gray-300 bg-white p-1">
        {TABS.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              className={`inline-flex min-h-10 items-center rounded-md px-4 text-sm font-semibold ${
                tab.key === current ? "bg-brand-600 text-white" : "text-gray-800 hover:bg-gray-100"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
