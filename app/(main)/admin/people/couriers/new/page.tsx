import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { listCarriers } from "@/lib/carriers/carriers";
import { listSiteChoices } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../../../admin-context";
import { CourierForm } from "./courier-form";

export const metadata: Metadata = { title: "New courier" };

export default async function NewCourierPage() {
  const ctx = await adminPageContext();
  const carriers = listCarriers(ctx).map(({ id, name }) => ({ id, name }));
  const sites = listSiteChoices(ctx);
  return (
    <section className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title="New courier"
        crumbs={[{ href: "/admin/people", label: "People" }]}
        description="A courier works for one carrier and deposits at the sites you choose."
      />
      <CourierForm carriers={carriers} sites={sites} />
    </section>
  );
}
