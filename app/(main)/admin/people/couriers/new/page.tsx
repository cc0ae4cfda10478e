import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { listCarriers } from "@/lib/carriers/carriers";
import { listSiteChoices } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../../../admin-context";
import { CourierForm } from "./courier-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.people.newCourier");
  return { title: t("title") };
}

export default async function NewCourierPage() {
  const ctx = await adminPageContext();
  const carriers = listCarriers(ctx).map(({ id, name }) => ({ id, name }));
  const sites = listSiteChoices(ctx);
  const t = await getTranslations("admin.people");
  return (
    <section className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={t("newCourier.title")}
        crumbs={[{ href: "/admin/people", label: t("title") }]}
        description={t("newCourier.description")}
      />
      <CourierForm carriers={carriers} sites={sites} />
    </section>
  );
}
