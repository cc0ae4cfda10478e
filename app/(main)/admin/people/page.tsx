import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { PeopleTabs } from "@/components/admin/people-tabs";
import { buttonClass } from "@/components/ui/button";
import { listOrganizationCouriers } from "@/lib/people/couriers";
import { adminPageContext } from "../admin-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.people.couriers");
  return { title: t("title") };
}

export default async function CouriersPage() {
  const couriers = listOrganizationCouriers(await adminPageContext());
  const t = await getTranslations("admin.people");
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("couriers.description")}
        actions={
          <Link href="/admin/people/couriers/new" className={buttonClass("primary")}>
            {t("couriers.new")}
          </Link>
        }
      >
        <PeopleTabs current="couriers" />
      </PageHeader>
      {couriers.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">{t("couriers.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
          <table className="table-cards w-full min-w-[48rem] border-collapse text-sm">
            <caption className="sr-only">{t("couriers.caption")}</caption>
            <thead className="bg-gray-50 text-left text-gray-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">{t("couriers.courier")}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t("couriers.carrier")}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t("couriers.sites")}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{t("couriers.deposits")}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t("couriers.account")}</th>
              </tr>
            </thead>
            <tbody>
              {couriers.map((courier) => (
                <tr key={courier.id} className={`border-t border-gray-100 hover:bg-gray-50 ${courier.active ? "" : "text-gray-600"}`}>
                  <th scope="row" data-label={t("couriers.courier")} className="px-4 py-3 text-left font-normal">
                    <Link href={`/admin/people/couriers/${courier.id}`} className="font-semibold text-gray-950 hover:underline">
                      {courier.name}
                    </Link>
                    <span className="block text-gray-600">{[courier.phone, courier.email].filter(Boolean).join(" · ")}</span>
                  </th>
                  <td data-label={t("couriers.carrier")} className="px-4 py-3">{courier.carrier.name}</td>
                  <td data-label={t("couriers.sites")} className="px-4 py-3">{courier.sites.length === 0 ? <span className="text-gray-600">{t("none")}</span> : courier.sites.map((s) => s.name).join(t("listSeparator"))}</td>
                  <td data-label={t("couriers.deposits")} className="px-4 py-3 text-right tabular-nums">{courier.recentDeposits}</td>
                  <td data-label={t("couriers.account")} className="px-4 py-3">
                    {courier.active ? (
                      <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">{t("active")}</span>
                    ) : (
                      <span className="rounded-full bg-gray-200 px-2 py-0.5 text-xs font-semibold text-gray-800">{t("deactivated")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
