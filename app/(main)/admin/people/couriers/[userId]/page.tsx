import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { ConfirmPanel } from "@/components/admin/confirm-panel";
import { Notice } from "@/components/admin/notice";
import { Fact, PageHeader, Panel } from "@/components/admin/page-header";
import { getOrganizationCourier } from "@/lib/people/couriers";
import { listSiteChoices } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../../../admin-context";
import { orNotFound } from "@/app/(main)/or-not-found";
import { deactivateCourierAction, reactivateCourierAction } from "../../actions";
import { CourierSitesForm } from "./courier-sites-form";

export const metadata: Metadata = { title: "Courier" };

type Props = { params: Promise<{ userId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CourierPage({ params, searchParams }: Props) {
  const ctx = await adminPageContext();
  const { userId } = await params;
  const courier = orNotFound(() => getOrganizationCourier(ctx, userId));
  const sites = listSiteChoices(ctx);
  const { notice } = await searchParams;
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={courier.name}
        crumbs={[{ href: "/admin/people", label: "People" }]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            Courier for {courier.carrier.name}
            {courier.active ? (
              <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">Active</span>
            ) : (
              <span className="rounded-full bg-gray-200 px-2 py-0.5 text-xs font-semibold text-gray-800">Deactivated</span>
            )}
          </span>
        }
      />
      <Notice value={notice} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Panel id="courier-sites" title="Sites">
          <CourierSitesForm userId={courier.id} sites={sites} serving={courier.sites.map((site) => site.id)} />
        </Panel>
        <div className="flex flex-col gap-4">
          <Panel id="courier-facts" title="Contact">
            <dl className="grid gap-3">
              <Fact term="Phone">{courier.phone ?? "—"}</Fact>
              <Fact term="Email">{courier.email ?? "—"}</Fact>
              <Fact term="Deposits in the last 14 days">
                <Link href={`/admin/parcels?carrier=${courier.carrier.id}`} className="text-brand-700 underline">
                  {courier.recentDeposits}
                </Link>
              </Fact>
            </dl>
          </Panel>
          <Panel id="courier-access" title="Access">
            {courier.active ? (
              <ConfirmPanel label="Deactivate this courier…">
                <p className="text-sm text-gray-800">
                  {courier.name} is signed out at once and cannot sign in until reactivated. Their site list is kept.
                </p>
                <ActionForm
                  action={deactivateCourierAction}
                  hidden={{ userId: courier.id }}
                  submitLabel={`Deactivate ${courier.name}`}
                  pendingLabel="Deactivating…"
                  variant="danger"
                />
              </ConfirmPanel>
            ) : (
              <ActionForm
                action={reactivateCourierAction}
                hidden={{ userId: courier.id }}
                submitLabel="Reactivate"
                pendingLabel="Reactivating…"
                intro={<p className="text-sm text-gray-700">The courier cannot sign in. Reactivate to let them back with their sites.</p>}
              />
            )}
          </Panel>
        </div>
      </div>
    </section>
  );
}
