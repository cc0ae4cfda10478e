import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { HistoryList } from "@/components/admin/history-list";
import { Fact, PageHeader, Panel } from "@/components/admin/page-header";
import { OutboundStateBadge } from "@/components/outbound/state-badge";
import { orNotFound } from "@/app/(main)/or-not-found";
import { formatAt, formatYuan, type TimeFormat } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { getOutboundDetail } from "@/lib/outbound/admin";
import { adminPageContext } from "../../admin-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.outboundSearch.detail");
  return { title: t("title") };
}

/** One sent or returned parcel of the admin's organization: its facts and its story. Never its drop-off code. */
export default async function AdminOutboundPage({ params }: { params: Promise<{ outboundId: string }> }) {
  const ctx = await adminPageContext();
  const { outboundId } = await params;
  const locale = await requestLocale();
  const shipment = orNotFound(() => getOutboundDetail(ctx, outboundId, locale));
  const t = await getTranslations("admin.outboundSearch.detail");
  const list = await getTranslations("admin.outboundSearch");
  const tSizes = await getTranslations("sizes");
  const time: TimeFormat = { locale, timeZone: shipment.timeZone };
  const at = (ms: number) => formatAt(ms, time);
  const title =
    shipment.kind === "return" ? list("returnOf", { order: shipment.orderReference ?? "" }) : list("sendTo", { name: shipment.recipientName ?? "" });
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={title}
        crumbs={[{ href: "/admin/outbound", label: t("crumb") }]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <OutboundStateBadge state={shipment.state} />
            <span>
              {t("summary", { carrier: shipment.carrierName, size: tSizes(shipment.size) })}
              {shipment.upsizedTo ? ` ${t("upsized", { size: tSizes(shipment.upsizedTo) })}` : null}
            </span>
          </span>
        }
      />

      {shipment.overdueAlertedAt !== null && shipment.state === "dropped_off" ? (
        <div role="status" className="rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 text-amber-950">
          {t("overdue", { time: at(shipment.overdueAlertedAt) })}
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="outbound-facts" title={t("facts")}>
          <dl className="grid gap-4 sm:grid-cols-2">
            <Fact term={t("kind")}>
              {shipment.kind === "return" ? t("kindReturn", { order: shipment.orderReference ?? "" }) : t("kindSend")}
            </Fact>
            <Fact term={t("site")}>
              <Link href={`/admin/sites/${shipment.siteId}`} className="text-brand-700 underline">
                {shipment.siteName}
              </Link>
            </Fact>
            <Fact term={t("door")}>
              {shipment.slotLabel ? (shipment.lockerCode ? t("doorWhere", { door: shipment.slotLabel, locker: shipment.lockerCode }) : shipment.slotLabel) : t("none")}
            </Fact>
            <Fact term={t("sender")}>
              <span className="font-mono">{shipment.senderPhone}</span>
            </Fact>
            <Fact term={t("recipient")}>
              {shipment.kind === "return" ? (
                t("recipientOfReturn")
              ) : (
                <>
                  {shipment.recipientName}
                  {shipment.recipientPhone ? <span className="font-mono">, {shipment.recipientPhone}</span> : null}
                  {shipment.recipientAddress ? <span className="block text-sm text-gray-700">{shipment.recipientAddress}</span> : null}
                </>
              )}
            </Fact>
            <Fact term={t("waybill")}>
              {shipment.waybillNumber ? (
                <>
                  <span className="font-mono">{shipment.waybillNumber}</span>
                  {shipment.trackingLink ? (
                    <a href={shipment.trackingLink} target="_blank" rel="noopener noreferrer" className="block text-sm text-brand-700 underline">
                      {t.rich("track", { carrier: shipment.carrierName, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                    </a>
                  ) : null}
                </>
              ) : (
                t("noWaybill")
              )}
            </Fact>
            {shipment.quotedPriceCents !== null ? <Fact term={t("price")}>{formatYuan(shipment.quotedPriceCents)}</Fact> : null}
            {shipment.createdBy ? <Fact term={t("createdBy")}>{shipment.createdBy}</Fact> : null}
            {shipment.declaredAt ? <Fact term={t("declared")}>{t("declaredAt", { time: at(shipment.declaredAt) })}</Fact> : null}
            <Fact term={t("started")}>{at(shipment.createdAt)}</Fact>
            {shipment.state === "created" || shipment.state === "dropping_off" ? (
              <Fact term={t("codeValidUntil")}>{at(shipment.codeExpiresAt)}</Fact>
            ) : null}
            {shipment.droppedOffAt ? <Fact term={t("droppedOff")}>{at(shipment.droppedOffAt)}</Fact> : null}
            {shipment.takenAt ? (
              <Fact term={t("taken")}>{shipment.takenBy ? t("takenBy", { time: at(shipment.takenAt), courier: shipment.takenBy }) : at(shipment.takenAt)}</Fact>
            ) : null}
            {shipment.closedAt && !shipment.takenAt ? <Fact term={t("closed")}>{at(shipment.closedAt)}</Fact> : null}
          </dl>
        </Panel>
        <Panel id="outbound-timeline" title={t("timeline")}>
          <HistoryList
            empty={t("noEvents")}
            timeZone={shipment.timeZone}
            items={shipment.timeline.map((entry) => ({
              key: entry.key,
              at: entry.at,
              summary: entry.summary,
              actor: entry.actor,
              source: entry.source,
              extra: entry.source === "door" && entry.slot ? <span className="font-normal text-gray-600"> · {t("atDoor", { door: entry.slot })}</span> : null,
            }))}
          />
        </Panel>
      </div>
    </section>
  );
}
