import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export type Crumb = { href: string; label: string };

/** A console page's title, where it sits, what it is for, and its main actions. */
export function PageHeader({
  title,
  description,
  crumbs = [],
  actions,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  crumbs?: Crumb[];
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const t = useTranslations("admin.shell");
  return (
    <div className="flex flex-col gap-2">
      {crumbs.length > 0 ? (
        <nav aria-label={t("breadcrumb")}>
          <ol className="flex flex-wrap items-center gap-1 text-sm text-gray-600">
            {crumbs.map((crumb) => (
              <li key={crumb.href} className="flex items-center gap-1">
                <Link href={crumb.href} className="rounded px-0.5 underline-offset-2 hover:text-gray-900 hover:underline">
                  {crumb.label}
                </Link>
                <span aria-hidden className="text-gray-400">
                  /
                </span>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="text-2xl font-bold text-gray-950">{title}</h1>
          {description ? <div className="text-gray-700">{description}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}

/** A titled card; a region for assistive technology, named by its heading. */
export function Panel({
  id,
  title,
  actions,
  children,
  className = "",
}: {
  id: string;
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={`flex flex-col gap-3 rounded-xl border border-gray-200 bg-white p-4 shadow-sm ${className}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold text-gray-950">
          {title}
        </h2>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** A term and its value in a definition grid. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs font-semibold uppercase tracking-wide text-gray-600">{term}</dt>
      <dd className="text-gray-900">{children}</dd>
    </div>
  );
}
