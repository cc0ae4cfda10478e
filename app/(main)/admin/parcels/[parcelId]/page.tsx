import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/action-form";
import { ConfirmPanel } from "@/components/admin/confirm-panel";
import { HistoryList } from "@/components/admin/history-list";
import { describeMessage } from "@/components/admin/message-words";
import { Fact, PageHeader, Panel } from "@/components/admin/page-header";
import { IncidentBadge, ParcelStateBadge } from "@/components/admin/parcel-state-badge";
import { DoorNotOpenedBadge } from "@/components/parcels/door-not-opened";
import { formatDateTime } from "@/lib/format";
import { getParcelDetail, type ParcelMessageStatus } from "@/lib/admin/parcel-detail";
import { adminPageContext } from "../../admin-context";
import { orNotFound } from "@/app/(main)/or-not-found";
import { cancelParcelAction, extendHoldAction, resendPickupCodeAction } from "./actions";
import { IncidentForm } from "./incident-form";

export const metadata: Metadata = { title: "Parcel" };

export default async function AdminParcelPage({ params }: { params: Promise<{ parcelId: string }> }) {
  const ctx = await adminPageContext();
  const { parcelId } = await params;
  const parcel = orNotFound(() => getParcelDetail(ctx, parcelId));
  const trusted = await getTranslations("trusted");
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={<span className="font-mono">{parcel.trackingNumber}</span>}
        crumbs={[{ href: "/admin/parcels", label: "Parcels" }]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {parcel.doorNotOpened ? <DoorNotOpenedBadge /> : <ParcelStateBadge state={parcel.state} />}
            {parcel.incidents.map((incident) => (
              <IncidentBadge key={incident.kind} kind={incident.kind} />
            ))}
            <span>
              {parcel.carrier.name} · size {parcel.size}
              {parcel.upsized && parcel.slot ? ` in a ${parcel.slot.size} door` : ""}
            </span>
          </span>
        }
      />

      {parcel.doorNotOpened ? (
        <div role="alert" className="rounded-lg border-2 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950">
          <p className="font-semibold">
            The door did not open: the parcel is still inside door {parcel.doorNotOpened.slotLabel} (locker{" "}
            {parcel.doorNotOpened.lockerCode}).
          </p>
          <p className="text-sm">
            {parcel.doorNotOpened.retryUntil !== null
              ? `The recipient may try the door again at the kiosk until ${formatDateTime(parcel.doorNotOpened.retryUntil)}. `
              : "The kiosk can no longer try it. "}
            The door is held out of service and the recipient has not been told it was collected. Open the door for them,
            then put it back in service.
          </p>
        </div>
      ) : null}
      {parcel.takeBack ? (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          {parcel.takeBack.doorOpened
            ? `${parcel.takeBack.courier ?? "A courier"} opened the door to take the parcel back at ${formatDateTime(parcel.takeBack.startedAt)} and has not confirmed it is out yet; the door stays taken until they do.`
            : `The door did not open when ${parcel.takeBack.courier ?? "a courier"} tried to take the parcel back at ${formatDateTime(parcel.takeBack.startedAt)}; the parcel is still inside.`}
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-6">
          <Panel id="parcel-facts" title="Parcel">
            <dl className="grid gap-4 sm:grid-cols-2">
              <Fact term="Site">
                <Link href={`/admin/sites/${parcel.site.id}`} className="text-brand-700 underline">
                  {parcel.site.name}
                </Link>
              </Fact>
              <Fact term="Door">
                {parcel.slot ? (
                  <Link href={`/admin/sites/${parcel.site.id}/slots/${parcel.slot.id}`} className="text-brand-700 underline">
                    {parcel.slot.label} (locker {parcel.slot.lockerCode}, row {parcel.slot.row}, column {parcel.slot.column})
                  </Link>
                ) : (
                  "None"
                )}
              </Fact>
              <Fact term="Recipient">
                {parcel.recipientName ? `${parcel.recipientName}, ` : ""}
                <span className="font-mono">{parcel.recipientPhone}</span>
                {parcel.recipientEmail ? <span className="block text-sm text-gray-700">{parcel.recipientEmail}</span> : null}
              </Fact>
              <Fact term="Courier">{parcel.courier ?? "—"}</Fact>
              <Fact term="Deposited">{parcel.depositedAt ? formatDateTime(parcel.depositedAt) : "—"}</Fact>
              <Fact term="Pickup until">
                {parcel.expiresAt ? formatDateTime(parcel.expiresAt) : "—"}
                {parcel.holdExtended ? " (extended)" : ""}
              </Fact>
              {parcel.closedAt ? <Fact term="Closed">{formatDateTime(parcel.closedAt)}</Fact> : null}
              {parcel.collectedBy ? (
                <Fact term={trusted("heading")}>
                  {trusted("collectedBy", { who: parcel.collectedBy.name ? trusted("whoNamed", { name: parcel.collectedBy.name, phone: parcel.collectedBy.maskedPhone }) : parcel.collectedBy.maskedPhone })}
                </Fact>
              ) : null}
              <Fact term="Carrier contact">{parcel.carrier.contactPhone ?? "—"}</Fact>
              <Fact term="Consent to the locker">
                {parcel.consent ? (
                  <>
                    {parcel.consent.description}
                    <span className="block text-sm text-gray-700">Recorded {formatDateTime(parcel.consent.recordedAt)}</span>
                  </>
                ) : (
                  "None recorded: the parcel never had a door"
                )}
              </Fact>
            </dl>
            {parcel.incidents.length > 0 ? (
              <ul className="flex flex-col gap-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-950">
                {parcel.incidents.map((incident) => (
                  <li key={incident.kind}>
                    <strong>{incident.kind === "lost" ? "Lost" : "Damaged"}:</strong> {incident.note}{" "}
                    <span className="text-red-900">
                      — {incident.by}, {formatDateTime(incident.at)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </Panel>
          <Panel id="timeline" title="Timeline">
            <HistoryList
              empty="No events yet."
              items={parcel.timeline.map((entry) => ({
                key: entry.key,
                at: entry.at,
                summary: entry.summary,
                actor: entry.actor,
                source: entry.source,
                extra: entry.source === "door" && entry.slot ? <span className="font-normal text-gray-600"> · door {entry.slot}</span> : null,
              }))}
            />
          </Panel>
          <Panel id="messages" title="Messages to the recipient">
            {parcel.messages.length === 0 ? (
              <p className="text-sm text-gray-700">None yet: the recipient is told once the parcel is in its door.</p>
            ) : (
              <ul className="flex flex-col divide-y divide-gray-100" aria-label="Messages to the recipient">
                {parcel.messages.map((message) => (
                  <li key={message.id} className="flex flex-col gap-0.5 py-2 text-sm">
                    <span className="font-semibold text-gray-900">{describeMessage(message)}</span>
                    <span className={message.status === "failed" ? "font-semibold text-red-800" : "text-gray-700"}>
                      {messageStatus(message)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {parcel.can.resendCode ? (
              <ActionForm
                action={resendPickupCodeAction}
                hidden={{ parcelId: parcel.id }}
                submitLabel="Send the pickup code again"
                pendingLabel="Sending…"
                variant="secondary"
                intro={<p className="text-sm text-gray-700">By text, and by email when known. The code stays the same.</p>}
              />
            ) : null}
          </Panel>
        </div>

        <div className="flex flex-col gap-4">
          {parcel.state === "deposited" || parcel.state === "expired" ? (
          <Panel id="extend" title="Extend the pickup time">
            <ActionForm
              action={extendHoldAction}
              hidden={{ parcelId: parcel.id }}
              submitLabel="Give one more day"
              pendingLabel="Extending…"
              variant="secondary"
              disabled={!parcel.can.extendHold}
              intro={
                <p className="text-sm text-gray-700">
                  {parcel.can.extendHold
                    ? "Once per parcel, while it is waiting. The recipient keeps the same code."
                    : parcel.holdExtended
                      ? "Already extended once."
                      : "Only a parcel waiting in its door can be held longer."}
                </p>
              }
            />
          </Panel>
          ) : null}
          {parcel.can.cancel ? (
            <Panel id="cancel" title="Cancel">
              <ConfirmPanel label="Cancel this parcel…">
                <p className="text-sm text-gray-800">
                  {parcel.state === "reserved"
                    ? `The reservation of door ${parcel.slot?.label} ends and the door is free again. Do this only if the courier will not close it.`
                    : "The pre-advice is withdrawn; no door is held."}
                </p>
                <ActionForm
                  action={cancelParcelAction}
                  hidden={{ parcelId: parcel.id }}
                  reason={{ id: "cancel-reason", label: "Why cancel it?", placeholder: "e.g. Courier left without closing the door" }}
                  submitLabel="Cancel the parcel"
                  pendingLabel="Cancelling…"
                  variant="danger"
                />
              </ConfirmPanel>
            </Panel>
          ) : null}
          {parcel.can.reportIncident || parcel.incidents.length > 0 ? (
            <Panel id="incident" title="Lost or damaged">
              <ConfirmPanel label="Record an incident…">
                <p className="text-sm text-gray-800">
                  The parcel keeps its state; the incident goes on its timeline and the audit trail, and shows in the search.
                </p>
                <IncidentForm parcelId={parcel.id} recorded={parcel.incidents.map((incident) => incident.kind)} />
              </ConfirmPanel>
            </Panel>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function messageStatus(message: ParcelMessageStatus): string {
  switch (message.status) {
    case "sent":
      return `Sent ${formatDateTime(message.sentAt ?? message.queuedAt)}`;
    case "failed":
      return `Could not be sent (${message.attempts} tries)${message.lastError ? `: ${message.lastError.slice(0, 200)}` : ""}`;
    case "skipped":
      return "Not sent: no longer true when its turn came";
    case "queued":
      return message.attempts === 0 ? `Waiting to be sent, since ${formatDateTime(message.queuedAt)}` : `Not sent yet: try ${message.attempts + 1} comes soon`;
  }
}
