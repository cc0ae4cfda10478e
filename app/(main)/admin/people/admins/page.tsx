import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader, Panel } from "@/components/admin/page-header";
import { PeopleTabs } from "@/components/admin/people-tabs";
import { listOrganizationAdmins } from "@/lib/people/admins";
import { adminPageContext } from "../../admin-context";
import { AdminForm } from "./admin-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.people.admins");
  return { title: t("title") };
}

export default async function AdminsPage() {
  const admins = listOrganizationAdmins(await adminPageContext());
  const t = await getTranslations("admin.people");
  return (
    <section className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("admins.description")}>
        <PeopleTabs current="admins" />
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Panel id="admins" title={t("admins.list", { count: admins.length })}>
          <ul className="flex flex-col divide-y divide-gray-100">
            {admins.map((admin) => (
              <li key={admin.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <span>
                  <span className="font-semibold">{admin.name}</span>
                  {admin.isYou ? <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-800">{t("admins.you")}</span> : null}
                  <span className="block text-sm text-gray-600">{[admin.email, admin.phone].filter(Boolean).join(" · ")}</span>
                </span>
                {admin.active ? null : <span className="text-sm text-gray-600">{t("deactivated")}</span>}
              </li>
            ))}
          </ul>
        </Panel>
        <Panel id="new-admin" title={t("admins.add")}>
          <AdminForm />
        </Panel>
      </div>
    </section>
  );
}
