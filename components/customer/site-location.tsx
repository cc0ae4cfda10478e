import type { SiteLocation } from "@/lib/customer/parcels";

/** Where to collect: the site's address, opening hours and a map link. */
export function SiteLocationBlock({
  site,
  location,
  compact = false,
}: {
  site: { name: string; address: string; openingHours: string };
  location: SiteLocation;
  /** One tight block above a station's parcels in the list. */
  compact?: boolean;
}) {
  return (
    <div className={`flex flex-col text-sm text-gray-800 ${compact ? "gap-0 rounded-xl bg-gray-50 px-3 py-2" : "gap-1"}`}>
      <p>
        <span className="font-semibold">{site.name}</span>
        <br />
        {site.address}
      </p>
      <p>
        <span className="text-gray-700">Opening hours:</span> {site.openingHours}
      </p>
      <a
        href={location.mapUrl}
        target="_blank"
        rel="noopener noreferrer"
        className="inline-flex min-h-11 w-fit items-center gap-1 font-semibold text-brand-700 underline underline-offset-2"
      >
        Open in map<span className="sr-only"> (OpenStreetMap, opens in a new tab)</span>
        <span aria-hidden>↗</span>
      </a>
    </div>
  );
}
