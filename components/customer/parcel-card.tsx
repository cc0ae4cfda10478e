import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ParcelCard } from "@/lib/customer/parcels";
import { formatAt, type TimeFormat } from "@/lib/format";
import { DeadlineCountdown } from "./deadline-countdown";
import { PickupCode } from "./pickup-code";
import { PickupQr } from "./pickup-qr";
import { SiteLocationBlock } from "./site-location";
import { DoorNotOpenedBadge } from "@/components/parcels/door-not-opened";
import { StateBadge } from "@/components/parcels/state-badge";
import { Alert } from "@/components/ui/alert";

/**
 * A parcel waiting in its door: what is needed at the locker's screen — the door, the code,
 * the QR and the time left — and nothing that its station already says once above the
 * cards (address, hours, map), so a second parcel's code is one short scroll away.
 * `time` is the reader's language and the parcel's site's zone.
 */
export function WaitingParcelCard({ parcel, serverNow, time }: { parcel: ParcelCard; serverNow: number; time: TimeFormat }) {
  const t = useTranslations("customer.card");
  const headingId = `parcel-${parcel.id}-heading`;
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-3 rounded-2xl border border-gray-200 bg-white p-4 shadow-sm">
      <header className="flex flex-col gap-0.5">
        <div className="flex items-center justify-between gap-3">
          <h3 id={headingId} className="text-lg font-bold leading-tight">
            {parcel.slot ? t("door", { door: parcel.slot.label }) : parcel.site.name}
          </h3>
          <StateBadge state={parcel.state} />
        </div>
        <p className="text-sm text-gray-700">
          {parcel.carrier.name} <span className="font-mono">{parcel.trackingNumber}</span>
        </p>
      </header>

      {parcel.pickupCode && parcel.pickupQr ? (
        <div className="flex items-center justify-between gap-3 rounded-xl bg-brand-50 p-3 ring-1 ring-brand-200">
          <PickupCode code={parcel.pickupCode} />
          <PickupQr svg={parcel.pickupQr} siteName={parcel.site.name} size={104} />
        </div>
      ) : null}
      {parcel.pickupCodeLost ? <Alert tone="error">{t("codeLost")}</Alert> : null}

      <div className="flex items-center justify-between gap-3">
        {parcel.expiresAt ? (
          <p className="flex min-w-0 flex-col text-sm leading-tight">
            <DeadlineCountdown deadline={parcel.expiresAt} serverNow={serverNow} />
            <span className="text-gray-700">
              {t(parcel.holdExtended ? "collectByExtended" : "collectBy", { at: formatAt(parcel.expiresAt, time) })}
            </span>
          </p>
        ) : null}
        <Link
          href={`/parcels/${parcel.id}`}
          className="inline-flex min-h-11 shrink-0 items-center justify-center rounded-lg border border-gray-300 px-3 text-sm font-semibold text-gray-900 hover:bg-gray-50"
        >
          {t.rich("details", { tracking: parcel.trackingNumber, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
        </Link>
      </div>
    </article>
  );
}

/** The station's address, hours and map, said once above its waiting parcels. */
export function WaitingAtSite({ parcels, serverNow, time }: { parcels: ParcelCard[]; serverNow: number; time: TimeFormat }) {
  const t = useTranslations("customer.card");
  const [first] = parcels;
  return (
    <section aria-label={t("atSite", { site: first.site.name })} className="flex flex-col gap-3">
      <SiteLocationBlock site={first.site} location={first.location} compact />
      {parcels.map((parcel) => (
        <WaitingParcelCard key={parcel.id} parcel={parcel} serverNow={serverNow} time={time} />
      ))}
    </section>
  );
}

/** An expired parcel or one from the history: a few lines, and the way to its timeline. */
export function PastParcelRow({ parcel, time }: { parcel: ParcelCard; time: TimeFormat }) {
  const t = useTranslations("customer.card");
  const when = parcel.state === "expired" ? parcel.expiresAt : (parcel.closedAt ?? parcel.createdAt);
  return (
    <li>
      <Link
        href={`/parcels/${parcel.id}`}
        className="flex min-h-11 flex-col gap-0.5 rounded-xl border border-gray-200 px-4 py-3 hover:bg-gray-50"
      >
        <span className="flex items-start justify-between gap-3">
          <span className="font-semibold">
            {parcel.carrier.name} <span className="break-all font-mono text-sm font-normal">{parcel.trackingNumber}</span>
          </span>
          {parcel.doorNotOpened ? <DoorNotOpenedBadge /> : <StateBadge state={parcel.state} />}
        </span>
        <span className="text-sm text-gray-700">
          {parcel.site.name}
          {when ? <> · {formatAt(when, time)}</> : null}
        </span>
        {parcel.doorNotOpened ? (
          <span className="text-sm font-semibold text-amber-950">{t("doorNotOpened", { door: parcel.doorNotOpened.slotLabel })}</span>
        ) : null}
        {parcel.state === "expired" ? (
          <span className="text-sm text-red-800">
            {parcel.carrier.contactPhone
              ? t("waitingTakeBackCall", { carrier: parcel.carrier.name, phone: parcel.carrier.contactPhone })
              : t("waitingTakeBack", { carrier: parcel.carrier.name })}
          </span>
        ) : null}
      </Link>
    </li>
  );
}
