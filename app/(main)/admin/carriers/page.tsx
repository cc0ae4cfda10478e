import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader, Panel } from "@/components/admin/page-header";
import { listCarriers } from "@/lib/carriers/carriers";
import { adminPageContext } from "../admin-context";
import { CarrierForm } from "./carrier-form";

export const metadata: Metadata = { title: "Carriers" };

export default async function CarriersPage() {
  const carriers = listCarriers(await adminPageContext());
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title="Carriers"
        description="Courier companies are shared by the whole network: one ZTO, whichever campus it delivers to. Any admin can add a missing one; counts are your organization's."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
          <table className="table-cards w-full min-w-[36rem] border-collapse text-sm">
            <caption className="sr-only">Carriers of the network</caption>
            <thead className="bg-gray-50 text-left text-gray-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Carrier</th>
                <th scope="col" className="px-4 py-3 font-semibold">Code</th>
                <th scope="col" className="px-4 py-3 font-semibold">Customer service</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Your couriers</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Parcels at your sites</th>
              </tr>
            </thead>
            <tbody>
              {carriers.map((carrier) => (
                <tr key={carrier.id} className="border-t border-gray-100">
                  <th scope="row" data-label="Carrier" className="px-4 py-3 text-left font-semibold">
                    {carrier.name}
                  </th>
                  <td data-label="Code" className="px-4 py-3 font-mono">{carrier.code}</td>
                  <td data-label="Customer service" className="px-4 py-3">{carrier.contactPhone ?? "—"}</td>
                  <td data-label="Your couriers" className="px-4 py-3 text-right tabular-nums">{carrier.couriers}</td>
                  <td data-label="Parcels at your sites" className="px-4 py-3 text-right tabular-nums">
                    <Link href={`/admin/parcels?carrier=${carrier.id}`} className="text-brand-700 underline" aria-label={`${carrier.parcels} parcels of ${carrier.name}`}>
                      {carrier.parcels}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Panel id="new-carrier" title="Add a carrier">
          <CarrierForm />
        </Panel>
      </div>
    </section>
  );
}
