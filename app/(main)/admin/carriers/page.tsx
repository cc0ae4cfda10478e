import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader, Panel } from "@/components/admin/page-header";
import { listCarriers } from "@/lib/carriers/carriers";
import { adminPageContext } from "../admin-context";
import { CarrierForm } from "./carrier-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.carriers");
  return { title: t("title") };
}

export default async function CarriersPage() {
  const carriers = listCarriers(await adminPageContext());
  const t = await getTranslations("admin.carriers");
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
          <table className="table-cards w-full min-w-[36rem] border-collapse text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-gray-50 text-left text-gray-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">{t("carrier")}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t("code")}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{t("service")}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{t("couriers")}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{t("parcels")}</th>
              </tr>
            </thead>
            <tbody>
              {carriers.map((carrier) => (
                <tr key={carrier.id} className="border-t border-gray-100">
                  <th scope="row" data-label={t("carrier")} className="px-4 py-3 text-left font-semibold">
                    {carrier.name}
                  </th>
                  <td data-label={t("code")} className="px-4 py-3 font-mono">{carrier.code}</td>
                  <td data-label={t("service")} className="px-4 py-3">{carrier.contactPhone ?? "—"}</td>
                  <td data-label={t("couriers")} className="px-4 py-3 text-right tabular-nums">{carrier.couriers}</td>
                  <td data-label={t("parcels")} className="px-4 py-3 text-right tabular-nums">
                    <Link href={`/admin/parcels?carrier=${carrier.id}`} className="text-brand-700 underline" aria-label={t("parcelsOf", { count: carrier.parcels, carrier: carrier.name })}>
                      {carrier.parcels}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Panel id="new-carrier" title={t("add")}>
          <CarrierForm />
        </Panel>
      </div>
    </section>
  );
}
