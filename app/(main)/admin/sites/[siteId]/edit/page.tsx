import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { getOrganizationSite } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../../../admin-context";
import { orNotFound } from "@/app/(main)/or-not-found";
import { TIME_ZONES } from "@/lib/time";
import { SiteForm } from "../../site-form";

export const metadata: Metadata = { title: "Edit site" };

export default async function EditSitePage({ params }: { params: Promise<{ siteId: string }> }) {
  const ctx = await adminPageContext();
  const { siteId } = await params;
  const site = orNotFound(() => getOrganizationSite(ctx, siteId));
  return (
    <section className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={`Edit ${site.name}`}
        crumbs={[
          { href: "/admin/sites", label: "Sites" },
          { href: `/admin/sites/${site.id}`, label: site.name },
        ]}
      />
      <SiteForm site={site} timeZones={TIME_ZONES} />
    </section>
  );
}
