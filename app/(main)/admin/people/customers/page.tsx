import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { PeopleTabs } from "@/components/admin/people-tabs";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { CUSTOMER_LIST_LIMIT, listOrganizationCustomers } from "@/lib/people/customers";
import { adminPageContext } from "../../admin-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.people.customers");
  return { title: t("title") };
}

export default async function CustomersPage() {
  const { customers, total } = listOrganizationCustomers(await adminPageContext());
  const t = await getTranslations("admin.people");
  const locale = await requestLocale();
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("customers.description")}
      >
        <PeopleTabs current="customers" />
      </PageHeader>
      <p className="text-sm text-gray-700">
        {total > CUSTOMER_LIST_LIMIT ? t("customers.countLimited", { total, limit: CUSTOMER_LIST_LIMIT }) : t("customers.count", { total })}
      </p>
      {customers.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">{t("customers.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
          <table className="table-cards w-full min-w-[40rem] border-collapse text-sm">
            <caption className="sr-only">{t("customers.caption")}</caption>
            <thead className="bg-gray-50 text-left text-gray-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">{t("customers.phone")}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t("customers.account")}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{t("customers.parcels")}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{t("customers.waiting")}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{t("customers.expired")}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t("customers.latest")}</th>
              </tr>
            </thead>
            <tbody>
              {customers.map((customer) => (
                <tr key={customer.key} className="border-t border-gray-100">
                  <th scope="row" data-label={t("customers.phone")} className="px-4 py-3 text-left font-mono font-normal">
                    {customer.phone}
                  </th>
                  <td data-label={t("customers.account")} className="px-4 py-3">{customer.hasAccount ? t("customers.hasAccount") : t("customers.noAccount")}</td>
                  <td data-label={t("customers.parcels")} className="px-4 py-3 text-right tabular-nums">{customer.parcels}</td>
                  <td data-label={t("customers.waiting")} className="px-4 py-3 text-right tabular-nums">{customer.waiting}</td>
                  <td data-label={t("customers.expired")} className="px-4 py-3 text-right tabular-nums">{customer.expired}</td>
                  <td data-label={t("customers.latest")} className="px-4 py-3">{formatAt(customer.lastArrivalAt, { locale, timeZone: customer.timeZone })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
