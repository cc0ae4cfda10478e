import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { FilterSelect } from "@/components/admin/filter-select";
import { PageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { OutboundStateBadge } from "@/components/outbound/state-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { searchOutbound } from "@/lib/outbound/admin";
import { listSiteChoices } from "@/lib/sites/admin-sites";
import { OUTBOUND_STATE_ORDER } from "@/lib/vocabulary/states";
import { adminPageContext } from "../admin-context";
import { searchFilters, searchOrFieldErrors } from "../search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.outboundSearch");
  return { title: t("title") };
}

const FILTERS = ["q", "state", "site", "kind"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Sent and returned parcels of the admin's sites: find a customer's by phone, order reference or waybill. */
export default async function OutboundSearchPage({ searchParams }: Props) {
  const ctx = await adminPageContext();
  const t = await getTranslations("admin.outboundSearch");
  const stateNames = await getTranslations("outboundStates");
  const locale = await requestLocale();
  const { query, filters, page } = searchFilters(await searchParams, FILTERS);
  const { result, fieldErrors } = searchOrFieldErrors(() => searchOutbound(ctx, { ...filters, page }), locale);
  const sites = listSiteChoices(ctx);

  return (
    <section className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />

      <form method="get" action="/admin/outbound" role="search" aria-label={t("search")} className="flex flex-col gap-4 rounded-xl border border-gray-200 bg-gray-50 p-4">
        <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-4">
          <Field name="q" label={t("query")} defaultValue={filters.q} errors={fieldErrors.q} hint={t("queryHint")} />
          <FilterSelect
            name="state"
            label={t("state")}
            any={t("anyState")}
            options={OUTBOUND_STATE_ORDER.map((state) => ({ value: state, label: stateNames(state) }))}
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
            name="kind"
            label={t("kind")}
            any={t("anyKind")}
            options={[
              { value: "send", label: t("kindSend") },
              { value: "return", label: t("kindReturn") },
            ]}
            value={filters.kind}
            errors={fieldErrors.kind}
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass("primary")}>
            {t("submit")}
          </button>
          <Link href="/admin/outbound" className={buttonClass("secondary")}>
            {t("clear")}
          </Link>
        </div>
      </form>

      {result === null ? (
        <Alert tone="error">{t("filtersInvalid")}</Alert>
      ) : (
        <section aria-labelledby="results" className="flex flex-col gap-3">
          <h2 id="results" className="text-lg font-semibold" aria-live="polite">
            {t("results", { count: result.total })}
          </h2>
          {result.rows.length > 0 ? (
            <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
              <table className="table-cards w-full min-w-[52rem] border-collapse text-sm">
                <caption className="sr-only">{t("caption")}</caption>
                <thead className="bg-gray-50 text-left text-gray-700">
                  <tr>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("parcel")}</th>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("state")}</th>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("siteAndDoor")}</th>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("carrier")}</th>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("sender")}</th>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("waybill")}</th>
                    <th scope="col" className="px-3 py-2.5 font-semibold">{t("started")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => (
                    <tr key={row.id} className="border-t border-gray-100 hover:bg-gray-50">
                      <th scope="row" data-label={t("parcel")} className="px-3 py-2.5 text-left font-normal">
                        <Link href={`/admin/outbound/${row.id}`} className="font-semibold text-brand-700 hover:underline">
                          {row.kind === "return" ? t("returnOf", { order: row.orderReference ?? "" }) : t("sendTo", { name: row.recipientName ?? "" })}
                        </Link>
                      </th>
                      <td data-label={t("state")} className="px-3 py-2.5">
                        <OutboundStateBadge state={row.state} size="xs" />
                      </td>
                      <td data-label={t("siteAndDoor")} className="px-3 py-2.5">
                        {row.siteName}
                        {row.slotLabel ? <span className="text-gray-600"> · {row.slotLabel}</span> : null}
                      </td>
                      <td data-label={t("carrier")} className="px-3 py-2.5">{row.carrierName}</td>
                      <td data-label={t("sender")} className="whitespace-nowrap px-3 py-2.5 font-mono">{row.senderPhone}</td>
                      <td data-label={t("waybill")} className="whitespace-nowrap px-3 py-2.5 font-mono">
                        {row.waybillNumber ?? <span className="font-sans text-gray-600">{t("noWaybill")}</span>}
                      </td>
                      <td data-label={t("started")} className="whitespace-nowrap px-3 py-2.5">{formatAt(row.createdAt, { locale, timeZone: row.timeZone })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">
              {query.size > 0 ? t("none") : t("empty")}
            </p>
          )}
          <Pagination path="/admin/outbound" query={query} page={result.page} pages={result.pages} />
        </section>
      )}
    </section>
  );
}
