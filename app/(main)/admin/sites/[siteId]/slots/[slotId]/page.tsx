import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { ConfirmPanel } from "@/components/admin/confirm-panel";
import { doorClass, DoorGrid } from "@/components/admin/door-grid";
import { DOOR_CONDITIONS } from "@/lib/vocabulary/states";
import { HistoryList } from "@/components/admin/history-list";
import { Notice } from "@/components/admin/notice";
import { Fact, PageHeader, Panel } from "@/components/admin/page-header";
import { ParcelStateBadge } from "@/components/admin/parcel-state-badge";
import { formatDateTime } from "@/lib/format";
import { listSiteLockers } from "@/lib/sites/admin-lockers";
import { getSlotDetail } from "@/lib/slots/admin-slots";
import { describeSize } from "@/lib/slots/sizes";
import { adminPageContext } from "../../../../admin-context";
import { orNotFound } from "@/app/(main)/or-not-found";
import { backInServiceAction, openRemotelyAction, outOfServiceAction, retireSlotAction } from "./actions";

export const metadata: Metadata = { title: "Door" };

const HISTORY_SHOWN = 30;

type Props = {
  params: Promise<{ siteId: string; slotId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SlotPage({ params, searchParams }: Props) {
  const ctx = await adminPageContext();
  const { siteId, slotId } = await params;
  const slot = orNotFound(() => getSlotDetail(ctx, slotId));
  // The door must be at the site the address names.
  if (String(slot.site.id) !== siteId) notFound();
  const locker = listSiteLockers(ctx, slot.site.id).find((l) => l.id === slot.locker.id)!;
  const { notice, history } = await searchParams;
  const retired = slot.retiredAt !== null;
  const showAll = history === "all";
  const shown = showAll ? slot.history : slot.history.slice(0, HISTORY_SHOWN);
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={`Door ${slot.label}`}
        crumbs={[
          { href: "/admin/sites", label: "Sites" },
          { href: `/admin/sites/${slot.site.id}`, label: slot.site.name },
        ]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            Locker {slot.locker.code}, row {slot.row}, column {slot.column}
            <span className={`rounded-sm border-2 px-2 py-0.5 text-xs font-semibold ${doorClass(slot.state)}`}>
              {DOOR_CONDITIONS[slot.state].name}
            </span>
          </span>
        }
      />
      <Notice value={notice} />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-6">
          <Panel id="cabinet" title={`Locker ${locker.code}`}>
            <DoorGrid locker={locker} siteId={slot.site.id} selectedSlotId={slot.id} />
          </Panel>
          <Panel id="history" title={showAll ? "History" : "Latest history"}>
            <HistoryList
              empty="Nothing has happened at this door yet."
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
                Show older history ({slot.history.length - shown.length} more)
              </Link>
            ) : null}
          </Panel>
        </div>

        <div className="flex flex-col gap-4">
          <Panel id="door" title="This door">
            <dl className="grid gap-3">
              <Fact term="Size">{describeSize(slot.size)}</Fact>
              <Fact term="Behind the door">
                {slot.parcel ? (
                  <span className="flex flex-col gap-1">
                    <Link href={`/admin/parcels/${slot.parcel.id}`} className="font-mono font-semibold text-brand-700 underline">
                      {slot.parcel.trackingNumber}
                    </Link>
                    <span className="flex flex-wrap items-center gap-2 text-sm">
                      <ParcelStateBadge state={slot.parcel.state} /> {slot.parcel.carrierName}
                      {slot.parcel.expiresAt ? ` · until ${formatDateTime(slot.parcel.expiresAt)}` : ""}
                    </span>
                  </span>
                ) : (
                  "Nothing"
                )}
              </Fact>
              {!slot.inService ? <Fact term={retired ? "Removed" : "Out of service because"}>{slot.outOfServiceReason}</Fact> : null}
              {retired ? <Fact term="Removed on">{formatDateTime(slot.retiredAt!)}</Fact> : null}
            </dl>
          </Panel>

          {retired ? null : (
            <>
              <Panel id="service" title="Service">
                {slot.inService ? (
                  <ActionForm
                    action={outOfServiceAction}
                    hidden={{ slotId: slot.id }}
                    reason={{ id: "out-of-service-reason", label: "What is wrong with it?", placeholder: "e.g. Hinge broken, repair ordered" }}
                    submitLabel="Put out of service"
                    pendingLabel="Saving…"
                    variant="secondary"
                    intro={<p className="text-sm text-gray-700">No parcel will be assigned to this door until it is back in service.</p>}
                  />
                ) : (
                  <ActionForm
                    action={backInServiceAction}
                    hidden={{ slotId: slot.id }}
                    submitLabel="Put back in service"
                    pendingLabel="Saving…"
                    intro={<p className="text-sm text-gray-700">Repaired? The door takes parcels again at once.</p>}
                  />
                )}
              </Panel>

              <Panel id="remote-open" title="Open remotely">
                <ConfirmPanel label="Open this door…" tone="neutral">
                  <p className="text-sm text-gray-800">
                    The door opens at once{slot.parcel ? ", with the parcel inside still recorded as it is" : ""}. The opening and your reason
                    go on the audit trail.
                  </p>
                  <ActionForm
                    action={openRemotelyAction}
                    hidden={{ slotId: slot.id }}
                    reason={{ id: "open-reason", label: "Why open it?", placeholder: "e.g. Recipient's phone is dead, ID checked" }}
                    submitLabel={`Open door ${slot.label}`}
                    pendingLabel="Opening…"
                    variant="danger"
                  />
                </ConfirmPanel>
              </Panel>

              <Panel id="remove-door" title="Remove the door">
                {slot.parcel ? (
                  <p className="text-sm text-gray-700">This door holds a parcel; it can be removed once the parcel is out.</p>
                ) : (
                  <ConfirmPanel label="Remove this door for good…">
                    <p className="text-sm text-gray-800">
                      For a door that will never take parcels again. It keeps its history but leaves service for good; this cannot be undone.
                    </p>
                    <ActionForm
                      action={retireSlotAction}
                      hidden={{ slotId: slot.id }}
                      reason={{ id: "remove-reason", label: "Why remove it?", placeholder: "e.g. Welded shut after vandalism" }}
                      submitLabel={`Remove door ${slot.label}`}
                      pendingLabel="Removing…"
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
