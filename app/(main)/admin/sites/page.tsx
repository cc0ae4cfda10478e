import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { listSitesForAdmin } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../admin-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.sites.list");
  return { title: t("title") };
}

export default async function SitesPage() {
  const sites = listSitesForAdmin(await adminPageContext());
  const t = await getTranslations("admin.sites.list");
  const columns = {
    site: t("columns.site"),
    status: t("columns.status"),
    lockers: t("columns.lockers"),
    doors: t("columns.doors"),
    free: t("columns.free"),
    live: t("columns.live"),
    outOfService: t("columns.outOfService"),
    holdPeriod: t("columns.holdPeriod"),
  };
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin/sites/new" className={buttonClass("primary")}>
            {t("newSite")}
          </Link>
        }
      />
      {sites.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
          <table className="table-cards w-full min-w-[48rem] border-collapse text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-gray-50 text-left text-gray-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">{columns.site}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{columns.status}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{columns.lockers}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{columns.doors}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{columns.free}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{columns.live}</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">{columns.outOfService}</th>
                <th scope="col" className="px-4 py-3 font-semibold">{columns.holdPeriod}</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => (
                <tr key={site.id} className="border-t border-gray-100 hover:bg-gray-50">
                  <th scope="row" data-label={columns.site} className="px-4 py-3 text-left font-normal">
                    <Link href={`/admin/sites/${site.id}`} className="font-semibold text-gray-950 hover:underline">
                      {site.name}
                    </Link>
                    <span className="block text-gray-600">
                      {site.code} · {site.address}
                    </span>
                  </th>
                  <td data-label={columns.status} className="px-4 py-3">
                    {site.status === "open" ? (
                      <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">{t("open")}</span>
                    ) : (
                      <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{t("closed")}</span>
                    )}
                  </td>
                  <td data-label={columns.lockers} className="px-4 py-3 text-right tabular-nums">{site.lockers}</td>
                  <td data-label={columns.doors} className="px-4 py-3 text-right tabular-nums">{site.doors}</td>
                  <td data-label={columns.free} className="px-4 py-3 text-right tabular-nums">{site.free}</td>
                  <td data-label={columns.live} className="px-4 py-3 text-right tabular-nums">{site.live}</td>
                  <td data-label={columns.outOfService} className="px-4 py-3 text-right tabular-nums">{site.outOfService}</td>
                  <td data-label={columns.holdPeriod} className="px-4 py-3 tabular-nums">
                    {t("hours", { hours: site.holdPeriodHours })}
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
