import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { listSiteLockers } from "@/lib/sites/admin-lockers";
import { getOrganizationSite } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../../../../admin-context";
import { orNotFound } from "@/app/(main)/or-not-found";
import { LockerForm } from "./locker-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.lockers");
  return { title: t("metaTitle") };
}

export default async function NewLockerPage({ params }: { params: Promise<{ siteId: string }> }) {
  const ctx = await adminPageContext();
  const t = await getTranslations("admin.lockers");
  const { siteId } = await params;
  const site = orNotFound(() => getOrganizationSite(ctx, siteId));
  const taken = new Set(listSiteLockers(ctx, site.id).map((locker) => locker.code));
  const suggestedCode = "ABCDEFGHJKLMNPQRSTUVWXYZ".split("").find((letter) => !taken.has(letter)) ?? "";
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title", { site: site.name })}
        crumbs={[
          { href: "/admin/sites", label: t("sites") },
          { href: `/admin/sites/${site.id}`, label: site.name },
        ]}
        description={t("description")}
      />
      <LockerForm siteId={site.id} suggestedCode={suggestedCode} />
    </section>
  );
}
