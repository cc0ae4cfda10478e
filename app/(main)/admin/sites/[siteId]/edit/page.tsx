import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { getOrganizationSite } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../../../admin-context";
import { orNotFound } from "@/app/(main)/or-not-found";
import { TIME_ZONES } from "@/lib/time";
import { SiteForm } from "../../site-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.sites.edit");
  return { title: t("metaTitle") };
}

export default async function EditSitePage({ params }: { params: Promise<{ siteId: string }> }) {
  const ctx = await adminPageContext();
  const { siteId } = await params;
  const site = orNotFound(() => getOrganizationSite(ctx, siteId));
  const t = await getTranslations("admin.sites.edit");
  return (
    <section className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={t("title", { site: site.name })}
        crumbs={[
          { href: "/admin/sites", label: t("crumbSites") },
          { href: `/admin/sites/${site.id}`, label: site.name },
        ]}
      />
      <SiteForm site={site} timeZones={TIME_ZONES} />
    </section>
  );
}
