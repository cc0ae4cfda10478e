import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { listSiteLockers } from "@/lib/sites/admin-lockers";
import { getOrganizationSite } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../../../../admin-context";
import { orNotFound } from "@/app/(main)/or-not-found";
import { LockerForm } from "./locker-form";

export const metadata: Metadata = { title: "Add a locker" };

export default async function NewLockerPage({ params }: { params: Promise<{ siteId: string }> }) {
  const ctx = await adminPageContext();
  const { siteId } = await params;
  const site = orNotFound(() => getOrganizationSite(ctx, siteId));
  const taken = new Set(listSiteLockers(ctx, site.id).map((locker) => locker.code));
  const suggestedCode = "ABCDEFGHJKLMNPQRSTUVWXYZ".split("").find((letter) => !taken.has(letter)) ?? "";
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={`Add a locker to ${site.name}`}
        crumbs={[
          { href: "/admin/sites", label: "Sites" },
          { href: `/admin/sites/${site.id}`, label: site.name },
        ]}
        description="Describe the cabinet as it stands: its rows and columns of doors and the size of each. Its doors are in service and free as soon as it is added."
      />
      <LockerForm siteId={site.id} suggestedCode={suggestedCode} />
    </section>
  );
}
