import Link from "next/link";
import { useTranslations } from "next-intl";
import { TakeBackCount } from "@/components/courier/site-tabs";

/*
 * The deposit page's frame, kept out of the way of the scan: one line on top (the site's
 * name, and the switch to take-back with its count), and the rest (code, address, the way
 * back to the list) under the form, where it costs no scrolling per parcel.
 */

type Site = { id: number; name: string; code: string; address: string; status: "open" | "closed" };

export function DepositHeading({ site, takeBack }: { site: Site; takeBack: number }) {
  const t = useTranslations("courier.site");
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-3">
        <h1 className="min-w-0 break-words text-xl font-bold leading-tight">{site.name}</h1>
        <Link
          href={`/courier/sites/${site.id}/take-back`}
          className="flex min-h-11 shrink-0 items-center gap-2 rounded-lg px-2 text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
        >
          {t("takeBack")}
          <TakeBackCount count={takeBack} />
        </Link>
      </div>
      {site.status === "closed" ? <p className="font-semibold text-red-700">{t("closed")}</p> : null}
    </div>
  );
}

export function DepositSiteFooter({ site }: { site: Site }) {
  const t = useTranslations("courier.site");
  return (
    <footer className="flex flex-col gap-1 border-t border-gray-200 pt-3 text-sm text-gray-700">
      <p>
        <span className="font-medium text-gray-900">{site.code}</span> · {site.address}
      </p>
      <Link href="/courier" className="flex min-h-11 items-center self-start font-semibold text-brand-700 underline-offset-2 hover:underline">
        {t("allSites")}
      </Link>
    </footer>
  );
}

/** The parcel just finished, in two lines: the next scan stays in the first screen. */
export function DepositedBanner({ title, trackingNumber, note }: { title: string; trackingNumber: string; note: string | null }) {
  return (
    <div role="status" className="flex flex-col rounded-xl border-2 border-green-600 bg-green-50 px-3 py-1.5 text-green-950">
      <p className="font-bold">
        <span aria-hidden>✓ </span>
        {title}
      </p>
      <p className="break-all text-sm">
        <span className="font-mono font-semibold">{trackingNumber}</span>
        {note ? ` · ${note}` : ""}
      </p>
    </div>
  );
}
