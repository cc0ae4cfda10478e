import { useTranslations } from "next-intl";
import type { AnnouncedParcel } from "@/lib/parcels/announced";

/**
 * What the carrier announced for the scanned number, for the courier to confirm with one
 * tap on "Open a door". The form's fields hold the same values, hidden; "Change" shows them.
 */
export function AnnouncedParcelCard({ parcel, onChange }: { parcel: AnnouncedParcel; onChange: () => void }) {
  const t = useTranslations("courier.announced");
  return (
    <section aria-labelledby="announced-heading" className="flex flex-col gap-2 rounded-2xl border-2 border-brand-600 bg-brand-50 p-4">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="announced-heading" className="font-bold text-gray-900">
          {t("heading")}
        </h2>
        <button
          type="button"
          onClick={onChange}
          className="min-h-11 shrink-0 rounded-lg px-2 text-sm font-semibold text-brand-700 underline underline-offset-2 hover:bg-white/60"
        >
          {t("change")}<span className="sr-only">{t("changeWhat")}</span>
        </button>
      </div>
      <dl className="grid grid-cols-[auto_1fr] items-baseline gap-x-4 gap-y-1">
        <dt className="text-sm text-gray-700">{t("size")}</dt>
        <dd className="text-2xl font-black">{parcel.size}</dd>
        <dt className="text-sm text-gray-700">{t("recipient")}</dt>
        <dd className="break-words font-semibold">
          {parcel.recipientName ? `${parcel.recipientName} · ` : ""}
          <span className="font-mono">{parcel.recipientPhone}</span>
          {parcel.recipientEmail ? <span className="block text-sm font-normal text-gray-700">{parcel.recipientEmail}</span> : null}
        </dd>
      </dl>
    </section>
  );
}
