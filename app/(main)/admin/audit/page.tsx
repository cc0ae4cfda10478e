import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { AUDIT_CATEGORIES } from "@/lib/audit/schemas";
import { listAuditActors, listAuditTrail, type AuditTrailEntry } from "@/lib/admin/audit-trail";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { listSiteChoices } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../admin-context";
import { searchFilters, searchOrFieldErrors } from "../search-params";
import { FilterSelect } from "@/components/admin/filter-select";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("title") };
}

const FILTERS = ["category", "site", "actor", "from", "to"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const ctx = await adminPageContext();
  const t = await getTranslations("admin.audit");
  const locale = await requestLocale();
  const { query, filters, page } = searchFilters(await searchParams, FILTERS);
  const { result: trail, fieldErrors } = searchOrFieldErrors(() => listAuditTrail(ctx, { ...filters, page }, locale), locale);
  const sites = listSiteChoices(ctx);
  const actors = listAuditActors(ctx);

  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
      />
      <form method="get" action="/admin/audit" role="search" aria-label={t("search")} className="flex flex-col gap-4 rounded-xl border border-gray-200 bg-gray-50 p-4">
        <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-5">
          <FilterSelect
            name="category"
            label={t("what")}
            any={t("everything")}
            options={AUDIT_CATEGORIES.map((category) => ({ value: category, label: t(`categories.${category}`) }))}
            value={filters.category}
            errors={fieldErrors.category}
          />
          <FilterSelect
            name="site"
            label={t("site")}
            any={t("allSites")}
            options={sites.map((site) => ({ value: site.id, label: site.name }))}
            value={filters.site}
            errors={fieldErrors.site}
          />
          <FilterSelect
            name="actor"
            label={t("who")}
            any={t("anyone")}
            options={actors.map((actor) => ({ value: actor.id, label: t("actor", { name: actor.name, role: actor.role }) }))}
            value={filters.actor}
            errors={fieldErrors.actor}
          />
          <Field name="from" label={t("from")} type="date" defaultValue={filters.from} errors={fieldErrors.from} />
          <Field name="to" label={t("to")} type="date" defaultValue={filters.to} errors={fieldErrors.to} />
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass("primary")}>
            {t("submit")}
          </button>
          <Link href="/admin/audit" className={buttonClass("secondary")}>
            {t("clear")}
          </Link>
        </div>
      </form>

      {trail === null ? (
        <Alert tone="error">{t("filtersInvalid")}</Alert>
      ) : trail.entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">{t("empty")}</p>
      ) : (
        <>
          <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
            <table className="table-cards w-full min-w-[52rem] border-collapse text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="bg-gray-50 text-left text-gray-700">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("when")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("who")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("what")}</th>
                  <th scope="col" className="px-4 py-3 font-semibold">{t("where")}</th>
                </tr>
              </thead>
              <tbody>
                {trail.entries.map((entry) => (
                  <tr key={entry.key} className="border-t border-gray-100 align-top">
                    <td data-label={t("when")} className="whitespace-nowrap px-4 py-3 tabular-nums">
                      <time dateTime={new Date(entry.at).toISOString()}>{formatAt(entry.at, { locale, timeZone: entry.site?.timeZone ?? trail.timeZone })}</time>
                    </td>
                    <td data-label={t("who")} className="px-4 py-3">{entry.actor}</td>
                    <td data-label={t("what")} className="px-4 py-3">
                      <span className="mr-2 inline-flex rounded-full bg-gray-100 px-2 py-0.5 text-xs font-semibold text-gray-800">
                        {t(`categories.${entry.category}`)}
                      </span>
                      <SubjectLink entry={entry} />
                    </td>
                    <td data-label={t("where")} className="px-4 py-3">
                      {entry.site ? (
                        <Link href={`/admin/sites/${entry.site.id}`} className="text-brand-700 underline">
                          {entry.site.name}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination path="/admin/audit" query={query} page={trail.page} hasMore={trail.hasMore} />
        </>
      )}
    </section>
  );
}

function SubjectLink({ entry }: { entry: AuditTrailEntry }) {
  const href = subjectHref(entry);
  return href ? (
    <Link href={href} className="text-gray-950 underline decoration-gray-300 underline-offset-2 hover:decoration-gray-900">
      {entry.summary}
    </Link>
  ) : (
    <span>{entry.summary}</span>
  );
}

function subjectHref(entry: AuditTrailEntry): string | null {
  const subject = entry.subject;
  if (!subject) return null;
  switch (subject.kind) {
    case "site":
      return `/admin/sites/${subject.id}`;
    case "locker":
      return entry.site ? `/admin/sites/${entry.site.id}` : null;
    case "slot":
      return entry.site ? `/admin/sites/${entry.site.id}/slots/${subject.id}` : null;
    case "parcel":
      return `/admin/parcels/${subject.id}`;
    case "user":
      return entry.action.startsWith("courier.") ? `/admin/people/couriers/${subject.id}` : "/admin/people/admins";
    case "carrier":
      return "/admin/carriers";
  }
}
