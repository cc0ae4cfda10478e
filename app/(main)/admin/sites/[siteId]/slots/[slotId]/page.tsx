import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/action-form";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { doorClass, DoorGrid } from "@/components/admin/door-grid";
import { HistoryList } from "@/components/admin/history-list";
import { Notice } from "@/components/admin/notice";
import { Fact, PageHeader, Panel } from "@/components/admin/page-header";
import { ParcelStateBadge } from "@/components/admin/parcel-state-badge";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { listSiteLockers } from "@/lib/sites/admin-lockers";
import { getOrganizationSite } from "@/lib/sites/admin-sites";
import { getSlotDetail } from "@/lib/slots/admin-slots";
import { SIZE_DIMENSIONS } from "@/lib/slots/sizes";
import { adminPageContext } from "../../../../admin-context";
import { orNotFound } from "@/app/(main)/or-not-found";
import { backInServiceAction, openRemotelyAction, outOfServiceAction, retireSlotAction } from "./actions";
import { reasonWords } from "@/lib/history/describe";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.doors");
  return { title: t("metaTitle") };
}

const HISTORY_SHOWN = 30;

type Props = {
  params: Promise<{ siteId: string; slotId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SlotPage({ params, searchParams }: Props) {
  const ctx = await adminPageContext();
  const { siteId, slotId } = await params;
  const locale = await requestLocale();
  const slot = orNotFound(() => getSlotDetail(ctx, slotId, locale));
  // The door must be at the site the address names.
  if (String(slot.site.id) !== siteId) notFound();
  const locker = listSiteLockers(ctx, slot.site.id, locale).find((l) => l.id === slot.locker.id)!;
  const t = await getTranslations("admin.doors");
  const time = { locale, timeZone: getOrganizationSite(ctx, slot.site.id).timeZone };
  const dimensions = SIZE_DIMENSIONS[slot.size];
  const { notice, history } = await searchParams;
  const retired = slot.retiredAt !== null;
  const showAll = history === "all";
  const shown = showAll ? slot.history : slot.history.slice(0, HISTORY_SHOWN);
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title", { door: slot.label })}
        crumbs={[
          { href: "/admin/sites", label: t("crumbSites") },
          { href: `/admin/sites/${slot.site.id}`, label: slot.site.name },
        ]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {t("where", { locker: slot.locker.code, row: slot.row, column: slot.column })}
            <span className={`rounded-sm border-2 px-2 py-0.5 text-xs font-semibold ${doorClass(slot.state)}`}>
              {t(`conditions.${slot.state}`)}
            </span>
          </span>
        }
      />
      <Notice value={notice} />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-6">
          <Panel id="cabinet" title={t("locker", { locker: locker.code })}>
            <DoorGrid locker={locker} siteId={slot.site.id} selectedSlotId={slot.id} />
          </Panel>
          <Panel id="history" title={showAll ? t("history") : t("latestHistory")}>
            <HistoryList
              empty={t("noHistory")}
              items={shown.map((entry) => ({
                key: entry.key,
                at: entry.at,
                summary: entry.summary,
                actor: entry.actor,
                source: entry.source,
                href: entry.parcel ? `/admin/parcels/${entry.parcel.id}` : undefined,
                hrefLabel: entry.parcel?.trackingNumber,
              }))}
            />
            {shown.length < slot.history.length ? (
              <Link href={`/admin/sites/${slot.site.id}/slots/${slot.id}?history=all`} className="text-sm font-semibold text-brand-700 underline">
                {t("olderHistory", { count: slot.history.length - shown.length })}
              </Link>
            ) : null}
          </Panel>
        </div>

        <div className="flex flex-col gap-4">
          <Panel id="door" title={t("thisDoor")}>
            <dl className="grid gap-3">
              <Fact term={t("size")}>
                {t("sizeDimensions", { size: slot.size, width: dimensions.widthMm, height: dimensions.heightMm, depth: dimensions.depthMm })}
              </Fact>
              <Fact term={t("behind")}>
                {slot.parcel ? (
                  <span className="flex flex-col gap-1">
                    <Link href={`/admin/parcels/${slot.parcel.id}`} className="font-mono font-semibold text-brand-700 underline">
                      {slot.parcel.trackingNumber}
                    </Link>
                    <span className="flex flex-wrap items-center gap-2 text-sm">
                      <ParcelStateBadge state={slot.parcel.state} /> {slot.parcel.carrierName}
                      {slot.parcel.expiresAt ? t("until", { at: formatAt(slot.parcel.expiresAt, time) }) : ""}
                    </span>
                  </span>
                ) : (
                  t("nothing")
                )}
              </Fact>
              {!slot.inService ? <Fact term={retired ? t("removed") : t("outOfServiceBecause")}>{slot.outOfServiceReason === null ? null : reasonWords(locale, slot.outOfServiceReason)}</Fact> : null}
              {retired ? <Fact term={t("removedOn")}>{formatAt(slot.retiredAt!, time)}</Fact> : null}
            </dl>
          </Panel>

          {retired ? null : (
            <>
              <Panel id="service" title={t("service.title")}>
                {slot.inService ? (
                  <ActionForm
                    action={outOfServiceAction}
                    hidden={{ slotId: slot.id }}
                    reason={{ id: "out-of-service-reason", label: t("service.reason"), placeholder: t("service.reasonExample") }}
                    submitLabel={t("service.takeOut")}
                    pendingLabel={t("saving")}
                    variant="secondary"
                    intro={<p className="text-sm text-gray-700">{t("service.takeOutIntro")}</p>}
                  />
                ) : (
                  <ActionForm
                    action={backInServiceAction}
                    hidden={{ slotId: slot.id }}
                    submitLabel={t("service.putBack")}
                    pendingLabel={t("saving")}
                    intro={
                      <p className="text-sm text-gray-700">
                        {t("service.outIntro")} {t("service.putBackIntro")}
                      </p>
                    }
                  />
                )}
              </Panel>

              <Panel id="remote-open" title={t("open.title")}>
                <ConfirmPanel label={t("open.confirm")} tone="neutral">
                  <p className="text-sm text-gray-800">{t("open.intro", { withParcel: slot.parcel ? "yes" : "no" })}</p>
                  <ActionForm
                    action={openRemotelyAction}
                    hidden={{ slotId: slot.id }}
                    reason={{ id: "open-reason", label: t("open.reason"), placeholder: t("open.reasonExample") }}
                    submitLabel={t("open.submit", { door: slot.label })}
                    pendingLabel={t("open.pending")}
                    variant="danger"
                  />
                </ConfirmPanel>
              </Panel>

              <Panel id="remove-door" title={t("remove.title")}>
                {slot.parcel ? (
                  <p className="text-sm text-gray-700">{t("remove.holdsParcel")}</p>
                ) : (
                  <ConfirmPanel label={t("remove.confirm")}>
                    <p className="text-sm text-gray-800">{t("remove.intro")}</p>
                    <ActionForm
                      action={retireSlotAction}
                      hidden={{ slotId: slot.id }}
                      reason={{ id: "remove-reason", label: t("remove.reason"), placeholder: t("remove.reasonExample") }}
                      submitLabel={t("remove.submit", { door: slot.label })}
                      pendingLabel={t("remove.pending")}
                      variant="danger"
                    />
                  </ConfirmPanel>
                )}
              </Panel>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
