import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { Notice } from "@/components/admin/notice";
import { Fact, PageHeader, Panel } from "@/components/admin/page-header";
import { getOrganizationCourier } from "@/lib/people/couriers";
import { listSiteChoices } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../../../admin-context";
import { orNotFound } from "@/app/(main)/or-not-found";
import { deactivateCourierAction, reactivateCourierAction } from "../../actions";
import { CourierSitesForm } from "./courier-sites-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.people.courier");
  return { title: t("title") };
}

type Props = { params: Promise<{ userId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CourierPage({ params, searchParams }: Props) {
  const ctx = await adminPageContext();
  const { userId } = await params;
  const courier = orNotFound(() => getOrganizationCourier(ctx, userId));
  const sites = listSiteChoices(ctx);
  const { notice } = await searchParams;
  const t = await getTranslations("admin.people");
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={courier.name}
        crumbs={[{ href: "/admin/people", label: t("title") }]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {t("courier.for", { carrier: courier.carrier.name })}
            {courier.active ? (
              <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">{t("active")}</span>
            ) : (
              <span className="rounded-full bg-gray-200 px-2 py-0.5 text-xs font-semibold text-gray-800">{t("deactivated")}</span>
            )}
          </span>
        }
      />
      <Notice value={notice} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Panel id="courier-sites" title={t("courier.sites")}>
          <CourierSitesForm userId={courier.id} sites={sites} serving={courier.sites.map((site) => site.id)} />
        </Panel>
        <div className="flex flex-col gap-4">
          <Panel id="courier-facts" title={t("courier.contact")}>
            <dl className="grid gap-3">
              <Fact term={t("courier.phone")}>{courier.phone ?? "—"}</Fact>
              <Fact term={t("courier.email")}>{courier.email ?? "—"}</Fact>
              <Fact term={t("courier.deposits")}>
                <Link href={`/admin/parcels?carrier=${courier.carrier.id}`} className="text-brand-700 underline">
                  {courier.recentDeposits}
                </Link>
              </Fact>
            </dl>
          </Panel>
          <Panel id="courier-access" title={t("courier.access")}>
            {courier.active ? (
              <ConfirmPanel label={t("courier.deactivateOpen")}>
                <p className="text-sm text-gray-800">{t("courier.deactivateIntro", { name: courier.name })}</p>
                <ActionForm
                  action={deactivateCourierAction}
                  hidden={{ userId: courier.id }}
                  submitLabel={t("courier.deactivate", { name: courier.name })}
                  pendingLabel={t("courier.deactivating")}
                  variant="danger"
                />
              </ConfirmPanel>
            ) : (
              <ActionForm
                action={reactivateCourierAction}
                hidden={{ userId: courier.id }}
                submitLabel={t("courier.reactivate")}
                pendingLabel={t("courier.reactivating")}
                intro={<p className="text-sm text-gray-700">{t("courier.reactivateIntro")}</p>}
              />
            )}
          </Panel>
        </div>
      </div>
    </section>
  );
}
