import type { Metadata } from "next";
import { FreeSlots } from "@/components/sites/free-slots";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { listCourierSites } from "@/lib/sites/queries";

export const metadata: Metadata = { title: "Courier" };

export default async function CourierHomePage() {
  const user = await requirePageUser("courier");
  const sites = listCourierSites(await requestContext());
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Your sites</h1>
        <p className="text-gray-700">Hello {user.name}. Free doors right now at the sites you serve.</p>
      </div>
      {sites.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">
          You are not assigned to any site yet. Ask your campus admin to add you to one.
        </p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {sites.map((site) => (
            <li key={site.id} className="flex flex-col gap-2 rounded-xl border border-gray-200 p-4 shadow-sm">
              <div className="flex items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">{site.name}</h2>
                <span className="text-sm text-gray-600">{site.code}</span>
              </div>
              <p className="text-sm text-gray-700">{site.address}</p>
              {site.status === "closed" ? <p className="text-sm font-semibold text-red-700">Closed — no deposits</p> : null}
              <FreeSlots free={site.free} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
