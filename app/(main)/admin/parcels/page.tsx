import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Select } from "@/components/ui/field";
import { PageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { IncidentBadge, ParcelStateBadge } from "@/components/admin/parcel-state-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PARCEL_STATE_ORDER } from "@/lib/vocabulary/states";
import { Field } from "@/components/ui/field";
import { listCarriers } from "@/lib/carriers/carriers";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { searchParcels } from "@/lib/admin/parcel-search";
import { listSiteChoices } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../admin-context";
import { searchFilters, searchOrFieldErrors } from "../search-params";
import { FilterSelect } from "@/components/admin/filter-select";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.parcels");
  return { title: t("title") };
}

const FILTERS = ["tracking", "phone", "state", "site", "carrier", "from", "to", "expiring", "incident"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ParcelSearchPage({ searchParams }: Props) {
  const ctx = await adminPageContext();
  const t = await getTranslations("admin.parcels");
  const stateNames = await getTranslations("parcelStates.badge");
  const locale = await requestLocale();
  const { query, filters, page } = searchFilters(await searchParams, FILTERS);
  const { result, fieldErrors } = searchOrFieldErrors(() => searchParcels(ctx, { ...filters, page }), locale);
  const sites = listSiteChoices(ctx);
  const carriers = listCarriers(ctx);
  const exportHref = `/admin/parcels/export${query.size > 0 ? `?${query}` : ""}`;

  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin/outbound" className={buttonClass("secondary")}>
            {t("outboundLink")}
          </Link>
        }
      />

      <form method="get" action="/admin/parcels" role="search" aria-label={t("search")} className="flex flex-col gap-4 rounded-xl border border-gray-200 bg-gray-50 p-4">
        <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-4">
          <Field name="tracking" label={t("tracking")} defaultValue={filters.tracking} errors={fieldErrors.tracking} hint={t("trackingHint")} />
          <Field
            name="phone"
            label={t("phone")}
            type="tel"
            defaultValue={filters.phone}
            errors={fieldErrors.phone}
            hint={t("phoneHint")}
          />
          <FilterSelect
            name="state"
            label={t("state")}
            any={t("anyState")}
            options={PARCEL_STATE_ORDER.map((state) => ({ value: state, label: stateNames(state) }))}
            value={filters.state}
            errors={fieldErrors.state}
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
            name="carrier"
            label={t("carrier")}
            any={t("allCarriers")}
            options={carriers.map((carrier) => ({ value: carrier.id, label: carrier.name }))}
            value={filters.carrier}
            errors={fieldErrors.carrier}
          />
          <Field name="from" label={t("from")} type="date" defaultValue={filters.from} errors={fieldErrors.from} />
          <Field name="to" label={t("to")} type="date" defaultValue={filters.to} errors={fieldErrors.to} />
          <Select name="incident" label={t("incidents")} defaultValue={filters.incident ?? ""} errors={fieldErrors.incident}>
            <option value="">{t("incidentEither")}</option>
            <option value="any">{t("incidentAny")}</option>
            <option value="lost">{t("incident.lost")}</option>
            <option value="damaged">{t("incident.damaged")}</option>
          </Select>
        </div>
        {filters.expiring === "today" ? (
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <input type="hidden" name="expiring" value="today" />
            <span className="rounded-full bg-amber-100 px-3 py-1 font-semibold text-amber-950">{t("expiringToday")}</span>
            <Link href={`/admin/parcels?${withoutParam(query, "expiring")}`} className="text-brand-700 underline">
              {t("removeFilter")}
            </Link>
          </p>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass("primary")}>
            {t("submit")}
          </button>
          <Link href="/admin/parcels" className={buttonClass("secondary")}>
            {t("clear")}
          </Link>
        </div>
      </form>

      {result === null ? (
        <Alert tone="error">{t("filtersInvalid")}</Alert>
      ) : (
        <section aria-labelledby="results" className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="results" className="text-lg font-semibold" aria-live="polite">
              {t("results", { count: result.total })}
            </h2>
            {result.total > 0 ? (
              <a href={exportHref} download className={buttonClass("secondary")}>
                {t("export")}
              </a>
            ) : null}
          </div>
          {result.rows.length > 0 ? (
            <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
              {/* Names wrap, numbers and dates do not: at a laptop's width every column is in view without scrolling. */}
              <table className="table-cards w-full min-w-[52rem] border-collapse text-sm">
                <caption className="sr-only">{t("caption")}</caption>
                <thead className="bg-gray-50 text-left text-gray-700">
                  <tr>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("tracking")}</th>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("state")}</th>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("siteAndDoor")}</th>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("carrier")}</th>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("recipient")}</th>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("arrived")}</th>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("pickupUntil")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => (
                    <tr key={row.id} className="border-t border-gray-100 hover:bg-gray-50">
                      <th scope="row" data-label={t("tracking")} className="whitespace-nowrap px-3 py-2.5 text-left font-normal">
                        <Link href={`/admin/parcels/${row.id}`} className="font-mono font-semibold text-brand-700 hover:underline">
                          {row.trackingNumber}
                        </Link>
                      </th>
                      <td data-label={t("state")} className="px-3 py-2.5">
                        <span className="flex flex-wrap gap-1">
                          <ParcelStateBadge state={row.state} />
                          {row.incidents.map((kind) => (
                            <IncidentBadge key={kind} kind={kind} />
                          ))}
                        </span>
                      </td>
                      <td data-label={t("siteAndDoor")} className="px-3 py-2.5">
                        {row.site}
                        {row.slot ? <span className="text-gray-600"> · {row.slot}</span> : null}
                      </td>
                      <td data-label={t("carrier")} className="px-3 py-2.5">{row.carrier}</td>
                      <td data-label={t("recipient")} className="whitespace-nowrap px-3 py-2.5 font-mono">{row.recipientPhone}</td>
                      <td data-label={t("arrived")} className="px-3 py-2.5 whitespace-nowrap">{formatAt(row.arrivedAt, { locale, timeZone: row.timeZone })}</td>
                      <td data-label={t("pickupUntil")} className="px-3 py-2.5 whitespace-nowrap">
                        {row.expiresAt && (row.state === "deposited" || row.state === "expired") ? formatAt(row.expiresAt, { locale, timeZone: row.timeZone }) : "—"}
                        {row.holdExtended ? <span className="text-gray-600"> {t("extended")}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">
              {t("none")}
            </p>
          )}
          <Pagination path="/admin/parcels" query={query} page={result.page} pages={result.pages} />
        </section>
      )}
    </section>
  );
}

function withoutParam(query: URLSearchParams, name: string): string {
  const next = new URLSearchParams(query);
  next.delete(name);
  return next.toString();
}
