import Link from "next/link";
import { useTranslations } from "next-intl";

const TABS = [
  { key: "couriers", href: "/admin/people" },
  { key: "admins", href: "/admin/people/admins" },
  { key: "customers", href: "/admin/people/customers" },
] as const;

export function PeopleTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  const t = useTranslations("admin.people.tabs");
  return (
    <nav aria-label={t("label")}>
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
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
