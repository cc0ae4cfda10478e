import { useTranslations } from "next-intl";
import type { SiteLocation } from "@/lib/customer/parcels";

/** Where to collect: the site's address, opening hours and a map link. */
export function SiteLocationBlock({
  site,
  location,
  compact = false,
}: {
  site: { name: string; address: string; openingHours: string };
  location: SiteLocation;
  /** One tight block above a station's parcels in the list: name and map link on one line. */
  compact?: boolean;
}) {
  const t = useTranslations("customer.site");
  const mapLink = (
    <a
      href={location.mapUrl}
      target="_blank"
      rel="noopener noreferrer"
      className="inline-flex min-h-11 w-fit shrink-0 items-center gap-1 font-semibold text-brand-700 underline underline-offset-2"
    >
      {t.rich("openInMap", { sr: (chunks) => <span className="sr-only">{chunks}</span> })}
      <span aria-hidden>↗</span>
    </a>
  );
  const hours = (
    <p>
      <span className="text-gray-700">{t("openingHours")}</span> {site.openingHours}
    </p>
  );
  if (compact) {
    return (
      <div className="flex flex-col rounded-xl bg-gray-50 px-3 pb-2 text-sm text-gray-800">
        <div className="flex items-center justify-between gap-3">
          <span className="font-semibold">{site.name}</span>
          {mapLink}
        </div>
        <p>{site.address}</p>
        {hours}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1 text-sm text-gray-800">
      <p>
        <span className="font-semibold">{site.name}</span>
        <br />
        {site.address}
      </p>
      {hours}
      {mapLink}
    </div>
  );
}
