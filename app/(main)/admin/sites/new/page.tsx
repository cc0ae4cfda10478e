import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { adminPageContext } from "../../admin-context";
import { TIME_ZONES } from "@/lib/time";
import { SiteForm } from "../site-form";

export const metadata: Metadata = { title: "New site" };

export default async function NewSitePage() {
  await adminPageContext();
  return (
    <section className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title="New site"
        crumbs={[{ href: "/admin/sites", label: "Sites" }]}
        description="A site opens at once; it takes deposits as soon as it has a locker and couriers assigned."
      />
      <SiteForm timeZones={TIME_ZONES} />
    </section>
  );
}
