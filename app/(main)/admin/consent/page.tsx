import type { Metadata } from "next";
import { ConsentDefaultForm } from "@/components/admin/consent/consent-default-form";
import { PageHeader } from "@/components/admin/page-header";
import { consentCompliance } from "@/lib/consent/compliance";
import { organizationConsentDefault } from "@/lib/consent/organization-default";
import { CONSENT_SOURCE_LABELS, CONSENT_SOURCES } from "@/lib/consent/record";
import { adminPageContext } from "../admin-context";
import { setConsentDefaultAction } from "./actions";

export const metadata: Metadata = { title: "Consent" };

/** Proof of consent for every locker deposit, per site and carrier (issue 16). */
export default async function ConsentCompliancePage() {
  const ctx = await adminPageContext();
  const rows = consentCompliance(ctx);
  const without = rows.reduce((sum, row) => sum + row.withoutConsent, 0);
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title="Consent"
        description="How each recipient agreed to the locker, for every deposit at your sites. A deposit without a consent record is refused by the database; the last column proves it."
      />
      <p role="status" className={`rounded-lg border px-4 py-3 font-semibold ${without === 0 ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
        {without === 0 ? "Every deposit has a consent record." : `${without} deposits have no consent record.`}
      </p>
      <ConsentDefaultForm current={organizationConsentDefault(ctx)} action={setConsentDefaultAction} />
      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-gray-700">No deposits or consent requests yet.</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Consent by site and carrier">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Deposits by how consent was given, per site and carrier</caption>
            <thead>
              <tr className="border-b border-gray-300">
                <th scope="col" className="p-2">Site</th>
                <th scope="col" className="p-2">Carrier</th>
                <th scope="col" className="p-2 text-right">Deposits</th>
                {CONSENT_SOURCES.map((source) => (
                  <th key={source} scope="col" className="p-2 text-right">
                    {CONSENT_SOURCE_LABELS[source]}
                  </th>
                ))}
                <th scope="col" className="p-2 text-right">Requests pending</th>
                <th scope="col" className="p-2 text-right">Declined (in person / call)</th>
                <th scope="col" className="p-2 text-right">Without consent</th>
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
