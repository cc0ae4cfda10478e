import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsentDefaultForm } from "@/components/admin/consent/consent-default-form";
import { PageHeader, Panel } from "@/components/admin/page-header";
import { consentCompliance } from "@/lib/consent/compliance";
import { organizationConsentDefault } from "@/lib/consent/organization-default";
import { CONSENT_SOURCES } from "@/lib/consent/record";
import { adminPageContext } from "../admin-context";
import { setConsentDefaultAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.consent");
  return { title: t("title") };
}

/** Proof of consent for every locker deposit, per site and carrier (issue 16). */
export default async function ConsentCompliancePage() {
  const ctx = await adminPageContext();
  const rows = consentCompliance(ctx);
  const t = await getTranslations("admin.consent");
  const without = rows.reduce((sum, row) => sum + row.withoutConsent, 0);
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
      />
      <p role="status" className={`rounded-lg border px-4 py-3 font-semibold ${without === 0 ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
        {without === 0 ? t("allRecorded") : t("missing", { count: without })}
      </p>
      <Panel id="consent-default" title={t("default.title")}>
        <ConsentDefaultForm current={organizationConsentDefault(ctx)} action={setConsentDefaultAction} />
      </Panel>
      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-gray-700">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("table")}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-gray-300">
                <th scope="col" className="p-2">{t("site")}</th>
                <th scope="col" className="p-2">{t("carrier")}</th>
                <th scope="col" className="p-2 text-right">{t("deposits")}</th>
                {CONSENT_SOURCES.map((source) => (
                  <th key={source} scope="col" className="p-2 text-right">
                    {t(`sources.${source}`)}
                  </th>
                ))}
                <th scope="col" className="p-2 text-right">{t("pending")}</th>
                <th scope="col" className="p-2 text-right">{t("declined")}</th>
                <th scope="col" className="p-2 text-right">{t("without")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.siteId}-${row.carrierName}`} className="border-b border-gray-100">
                  <th scope="row" className="p-2 font-medium">{row.siteName}</th>
                  <td className="p-2">{row.carrierName}</td>
                  <td className="p-2 text-right tabular-nums">{row.deposits}</td>
                  {CONSENT_SOURCES.map((source) => (
                    <td key={source} className="p-2 text-right tabular-nums">
                      {row.bySource[source]}
                    </td>
                  ))}
                  <td className="p-2 text-right tabular-nums">{row.requestsPending}</td>
                  <td className="p-2 text-right tabular-nums">{row.requestsDeclined}</td>
                  <td className={`p-2 text-right font-semibold tabular-nums ${row.withoutConsent > 0 ? "text-red-800" : ""}`}>{row.withoutConsent}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
