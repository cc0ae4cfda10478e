import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { PeopleTabs } from "@/components/admin/people-tabs";
import { formatDateTime } from "@/lib/format";
import { CUSTOMER_LIST_LIMIT, listOrganizationCustomers } from "@/lib/people/customers";
import { adminPageContext } from "../../admin-context";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  const { customers, total } = listOrganizationCustomers(await adminPageContext());
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title="People"
        description="Customers are the people parcels at your sites are addressed to. Numbers are masked here; a parcel's own page shows its recipient's number."
      >
        <PeopleTabs current="customers" />
      </PageHeader>
      <p className="text-sm text-gray-700">
        {total} customer{total === 1 ? "" : "s"}
        {total > CUSTOMER_LIST_LIMIT ? `; the ${CUSTOMER_LIST_LIMIT} with the latest parcels are shown` : ""}. Read only.
      </p>
      {customers.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">No parcels yet, so no customers.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
          <table className="table-cards w-full min-w-[40rem] border-collapse text-sm">
            <caption className="sr-only">Recipients of parcels at your sites</caption>
            <thead className="bg-gray-50 text-left text-gray-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Phone</th>
                <th scope="col" className="px-4 py-3 font-semibold">Account</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Parcels</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Ready for pickup</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Expired</th>
                <th scope="col" className="px-4 py-3 font-semibold">Latest parcel</th>
              </tr>
            </thead>
            <tbody>
              {customers.map((customer) => (
                <tr key={customer.key} className="border-t border-gray-100">
                  <th scope="row" data-label="Phone" className="px-4 py-3 text-left font-mono font-normal">
                    {customer.phone}
                  </th>
                  <td data-label="Account" className="px-4 py-3">{customer.hasAccount ? "Has an account" : "No account"}</td>
                  <td data-label="Parcels" className="px-4 py-3 text-right tabular-nums">{customer.parcels}</td>
                  <td data-label="Ready for pickup" className="px-4 py-3 text-right tabular-nums">{customer.waiting}</td>
                  <td data-label="Expired" className="px-4 py-3 text-right tabular-nums">{customer.expired}</td>
                  <td data-label="Latest parcel" className="px-4 py-3">{formatDateTime(customer.lastArrivalAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
