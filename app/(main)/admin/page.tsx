import type { Metadata } from "next";
import { SIZES } from "@/lib/slots/sizes";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { listOrganizationSites } from "@/lib/sites/queries";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminHomePage() {
  await requirePageUser("admin");
  const sites = listOrganizationSites(await requestContext());
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Sites of your organization</h1>
        <p className="text-gray-700">Doors by size: free, reserved, holding a parcel, out of service.</p>
      </div>
      {sites.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">No sites yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-sm">
            <caption className="sr-only">Occupancy per site and size</caption>
            <thead>
              <tr className="border-b border-gray-300 text-left">
                <th scope="col" className="py-2 pr-4">Site</th>
                {SIZES.map((size) => (
                  <th key={size} scope="col" className="py-2 pr-4">
                    {size} <span className="font-normal text-gray-600">free / reserved / full / broken</span>
                  </th>
                ))}
                <th scope="col" className="py-2 pr-4">Waiting</th>
                <th scope="col" className="py-2">Expired</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => (
                <tr key={site.id} className="border-b border-gray-200">
                  <th scope="row" className="py-2 pr-4 text-left font-semibold">
                    {site.name}
                    {site.status === "closed" ? <span className="ml-2 text-red-700">(closed)</span> : null}
                  </th>
                  {SIZES.map((size) => {
                    const cell = site.bySize[size];
                    return (
                      <td key={size} className="py-2 pr-4 tabular-nums">
                        {cell.free} / {cell.reserved} / {cell.occupied} / {cell.outOfService}
                      </td>
                    );
                  })}
                  <td className="py-2 pr-4 tabular-nums">{site.waiting}</td>
                  <td className="py-2 tabular-nums">{site.expired}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
