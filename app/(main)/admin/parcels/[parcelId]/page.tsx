import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { Alert } from "@/components/ui/alert";
import { HistoryList } from "@/components/admin/history-list";
import { MessageDescription } from "@/components/admin/message-description";
import { Fact, PageHeader, Panel } from "@/components/admin/page-header";
import { IncidentBadge, ParcelStateBadge } from "@/components/admin/parcel-state-badge";
import { DoorNotOpenedBadge } from "@/components/parcels/door-not-opened";
import { formatAt, type TimeFormat } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { getParcelDetail, type ParcelMessageStatus } from "@/lib/admin/parcel-detail";
import { RESEND_COOLDOWN_MS } from "@/lib/parcels/admin-actions";
import { adminPageContext } from "../../admin-context";
import { orNotFound } from "@/app/(main)/or-not-found";
import { cancelParcelAction, extendHoldAction, resendPickupCodeAction } from "./actions";
import { IncidentForm } from "./incident-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.parcels.detail");
  return { title: t("title") };
}

export default async function AdminParcelPage({ params }: { params: Promise<{ parcelId: string }> }) {
  const ctx = await adminPageContext();
  const { parcelId } = await params;
  const locale = await requestLocale();
  const parcel = orNotFound(() => getParcelDetail(ctx, parcelId, locale));
  const t = await getTranslations("admin.parcels.detail");
  const tSizes = await getTranslations("sizes");
  const trusted = await getTranslations("trusted");
  const time: TimeFormat = { locale, timeZone: parcel.site.timeZone };
  const at = (ms: number) => formatAt(ms, time);
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={<span className="font-mono">{parcel.trackingNumber}</span>}
        crumbs={[{ href: "/admin/parcels", label: t("crumb") }]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {parcel.doorNotOpened ? <DoorNotOpenedBadge /> : <ParcelStateBadge state={parcel.state} handedOver={parcel.handedOverAt !== null} />}
            {parcel.incidents.map((incident) => (
              <IncidentBadge key={incident.kind} kind={incident.kind} />
            ))}
            <span>
              {t("summary", { carrier: parcel.carrier.name, size: tSizes(parcel.size) })}
              {parcel.upsized && parcel.slot ? t("upsized", { size: tSizes(parcel.slot.size) }) : null}
            </span>
          </span>
        }
      />

      {parcel.doorNotOpened ? (
        <div role="alert" className="rounded-lg border-2 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950">
          <p className="font-semibold">
            {t("doorNotOpened", { door: parcel.doorNotOpened.slotLabel, locker: parcel.doorNotOpened.lockerCode })}
          </p>
          <p className="text-sm">
            {parcel.doorNotOpened.retryUntil !== null ? t("retryUntil", { time: at(parcel.doorNotOpened.retryUntil) }) : t("noRetry")} {t("doorHeld")}
          </p>
        </div>
      ) : null}
      {parcel.takeBack ? (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          {t(parcel.takeBack.doorOpened ? "takeBackOpened" : "takeBackFailed", {
            courier: parcel.takeBack.courier ?? t("aCourier"),
            time: at(parcel.takeBack.startedAt),
          })}
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-6">
          <Panel id="parcel-facts" title={t("facts")}>
            <dl className="grid gap-4 sm:grid-cols-2">
              <Fact term={t("site")}>
                <Link href={`/admin/sites/${parcel.site.id}`} className="text-brand-700 underline">
                  {parcel.site.name}
                </Link>
              </Fact>
              <Fact term={t("door")}>
                {parcel.slot ? (
                  <Link href={`/admin/sites/${parcel.site.id}/slots/${parcel.slot.id}`} className="text-brand-700 underline">
                    {t("doorWhere", { door: parcel.slot.label, locker: parcel.slot.lockerCode, row: parcel.slot.row, column: parcel.slot.column })}
                  </Link>
                ) : (
                  t("none")
                )}
              </Fact>
              <Fact term={t("recipient")}>
                {parcel.recipientName ? `${parcel.recipientName}, ` : ""}
                <span className="font-mono">{parcel.recipientPhone}</span>
                {parcel.recipientEmail ? <span className="block text-sm text-gray-700">{parcel.recipientEmail}</span> : null}
              </Fact>
              <Fact term={t("courier")}>{parcel.courier ?? "—"}</Fact>
              <Fact term={t("deposited")}>{parcel.depositedAt ? at(parcel.depositedAt) : "—"}</Fact>
              <Fact term={t("pickupUntil")}>
                {parcel.expiresAt ? at(parcel.expiresAt) : "—"}
                {parcel.holdExtended ? ` ${t("extended")}` : ""}
              </Fact>
              {parcel.closedAt ? <Fact term={t("closed")}>{at(parcel.closedAt)}</Fact> : null}
              {parcel.collectedBy ? (
                <Fact term={trusted("heading")}>
                  {trusted("collectedBy", { who: parcel.collectedBy.name ? trusted("whoNamed", { name: parcel.collectedBy.name, phone: parcel.collectedBy.maskedPhone }) : parcel.collectedBy.maskedPhone })}
                </Fact>
              ) : null}
              <Fact term={t("carrierContact")}>{parcel.carrier.contactPhone ?? "—"}</Fact>
              <Fact term={t("consent")}>
                {parcel.consent ? (
                  <>
                    {parcel.consent.description}
                    <span className="block text-sm text-gray-700">{t("consentRecorded", { time: at(parcel.consent.recordedAt) })}</span>
                  </>
                ) : (
                  t("noConsent")
                )}
              </Fact>
            </dl>
            {parcel.incidents.length > 0 ? (
              <ul className="flex flex-col gap-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-950">
                {parcel.incidents.map((incident) => (
                  <li key={incident.kind}>
                    <strong>{t("incidentKind", { kind: incident.kind })}</strong> {incident.note}{" "}
                    <span className="text-red-900">
                      — {incident.by} · {at(incident.at)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </Panel>
          <Panel id="timeline" title={t("timeline")}>
            <HistoryList
              empty={t("noEvents")}
              timeZone={parcel.site.timeZone}
              items={parcel.timeline.map((entry) => ({
                key: entry.key,
                at: entry.at,
                summary: entry.summary,
                actor: entry.actor,
                source: entry.source,
                extra: entry.source === "door" && entry.slot ? <span className="font-normal text-gray-600"> · {t("atDoor", { door: entry.slot })}</span> : null,
              }))}
            />
          </Panel>
          <Panel id="messages" title={t("messages")}>
            {parcel.messages.length === 0 ? (
              <p className="text-sm text-gray-700">{t("noMessages")}</p>
            ) : (
              <ul className="flex flex-col divide-y divide-gray-100" aria-label={t("messages")}>
                {parcel.messages.map((message) => (
                  <li key={message.id} className="flex flex-col gap-0.5 py-2 text-sm">
                    <span className="font-semibold text-gray-900"><MessageDescription message={message} /></span>
                    <span className={message.status === "failed" ? "font-semibold text-red-800" : "text-gray-700"}>
                      {messageStatus(message, t, at)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {parcel.can.resendCode ? (
              <div className="mt-3 flex flex-col gap-3">
                {parcel.codeLost ? <Alert tone="error">{t("codeLost")}</Alert> : null}
                {/* Each resend is a text to the recipient's phone: asked first, and limited by the verb. */}
                <ConfirmPanel label={t("resendOpen")} tone="neutral">
                  <ActionForm
                    action={resendPickupCodeAction}
                    hidden={{ parcelId: parcel.id }}
                    submitLabel={t("resend")}
                    pendingLabel={t("resending")}
                    variant="secondary"
                    intro={
                      <p className="text-sm text-gray-800">
                        {t(parcel.codeLost ? "resendConfirmNewCode" : "resendConfirm", { to: parcel.recipientPhone, minutes: RESEND_COOLDOWN_MS / 60_000 })}
                      </p>
                    }
                  />
                </ConfirmPanel>
              </div>
            ) : null}
          </Panel>
        </div>

        <div className="flex flex-col gap-4">
          {parcel.state === "deposited" || parcel.state === "expired" ? (
          <Panel id="extend" title={t("extendTitle")}>
            <ActionForm
              action={extendHoldAction}
              hidden={{ parcelId: parcel.id }}
              submitLabel={t("extend")}
              pendingLabel={t("extending")}
              variant="secondary"
              disabled={!parcel.can.extendHold}
              intro={
                <p className="text-sm text-gray-700">
                  {parcel.can.extendHold ? t("extendIntro") : parcel.holdExtended ? t("alreadyExtended") : t("cannotExtend")}
                </p>
              }
            />
          </Panel>
          ) : null}
          {parcel.can.cancel ? (
            <Panel id="cancel" title={t("cancelTitle")}>
              <ConfirmPanel label={t("cancelOpen")}>
                <p className="text-sm text-gray-800">
                  {parcel.state === "reserved" ? t("cancelReserved", { door: parcel.slot?.label ?? "" }) : t("cancelAnnounced")}
                </p>
                <ActionForm
                  action={cancelParcelAction}
                  hidden={{ parcelId: parcel.id }}
                  reason={{ id: "cancel-reason", label: t("cancelReason"), placeholder: t("cancelReasonExample") }}
                  submitLabel={t("cancel")}
                  pendingLabel={t("cancelling")}
                  variant="danger"
                />
              </ConfirmPanel>
            </Panel>
          ) : null}
          {parcel.can.reportIncident || parcel.incidents.length > 0 ? (
            <Panel id="incident" title={t("incidentTitle")}>
              <ConfirmPanel label={t("incidentOpen")}>
                <p className="text-sm text-gray-800">{t("incidentIntro")}</p>
                <IncidentForm parcelId={parcel.id} recorded={parcel.incidents.map((incident) => incident.kind)} />
              </ConfirmPanel>
            </Panel>
          ) : null}
        </div>
      </div>
    </section>
  );
}

type DetailWords = Awaited<ReturnType<typeof getTranslations<"admin.parcels.detail">>>;

function messageStatus(message: ParcelMessageStatus, t: DetailWords, at: (ms: number) => string): string {
  switch (message.status) {
    case "sent":
      return t("sent", { time: at(message.sentAt ?? message.queuedAt) });
    case "failed":
      return message.lastError
        ? t("failedWith", { attempts: message.attempts, error: message.lastError.slice(0, 200) })
        : t("failed", { attempts: message.attempts });
    case "skipped":
      return t("skipped");
    case "queued":
      return message.attempts === 0 ? t("queued", { time: at(message.queuedAt) }) : t("retrying", { attempt: message.attempts + 1 });
  }
}
