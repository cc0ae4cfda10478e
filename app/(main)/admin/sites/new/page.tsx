import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { adminPageContext } from "../../admin-context";
import { TIME_ZONES } from "@/lib/time";
import { SiteForm } from "../site-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.sites.new");
  return { title: t("title") };
}

export default async function NewSitePage() {
  await adminPageContext();
  const t = await getTranslations("admin.sites.new");
  return (
    <section className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={t("title")}
        crumbs={[{ href: "/admin/sites", label: t("crumbSites") }]}
        description={t("description")}
      />
      <SiteForm timeZones={TIME_ZONES} />
    </section>
  );
}
