import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { listSitesForAdmin } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../admin-context";

export const metadata: Metadata = { title: "Sites" };

export default async function SitesPage() {
  const sites = listSitesForAdmin(await adminPageContext());
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title="Sites"
        description="Every station of your organization, its lockers and doors."
        actions={
          <Link href="/admin/sites/new" className={buttonClass("primary")}>
            New site
          </Link>
        }
      />
      {sites.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">No sites yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
          <table className="table-cards w-full min-w-[48rem] border-collapse text-sm">
            <caption className="sr-only">Sites of your organization</caption>
            <thead className="bg-gray-50 text-left text-gray-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Site</th>
                <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Lockers</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Doors</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Free</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Holding a parcel</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Out of service</th>
                <th scope="col" className="px-4 py-3 font-semibold">Hold period</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => (
                <tr key={site.id} className="border-t border-gray-100 hover:bg-gray-50">
                  <th scope="row" data-label="Site" className="px-4 py-3 text-left font-normal">
                    <Link href={`/admin/sites/${site.id}`} className="font-semibold text-gray-950 hover:underline">
                      {site.name}
                    </Link>
                    <span className="block text-gray-600">
                      {site.code} · {site.address}
                    </span>
                  </th>
                  <td data-label="Status" className="px-4 py-3">
                    {site.status === "open" ? (
                      <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">Open</span>
                    ) : (
                      <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">Closed</span>
                    )}
                  </td>
                  <td data-label="Lockers" className="px-4 py-3 text-right tabular-nums">{site.lockers}</td>
                  <td data-label="Doors" className="px-4 py-3 text-right tabular-nums">{site.doors}</td>
                  <td data-label="Free" className="px-4 py-3 text-right tabular-nums">{site.free}</td>
                  <td data-label="Holding a parcel" className="px-4 py-3 text-right tabular-nums">{site.live}</td>
                  <td data-label="Out of service" className="px-4 py-3 text-right tabular-nums">{site.outOfService}</td>
                  <td data-label="Hold period" className="px-4 py-3 tabular-nums">{site.holdPeriodHours} h</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
