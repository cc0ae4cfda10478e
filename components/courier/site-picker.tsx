"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { FreeSlots } from "@/components/sites/free-slots";
import { buttonClass } from "@/components/ui/button";
// The same great-circle distance the server uses to rank a full site's alternatives.
import { distanceKm } from "@/lib/distance";
import type { SlotSize } from "@/lib/slots/sizes";
import { formatKm } from "./site-full-notice";
import { matchesSite } from "./site-search";

export type PickableSite = {
  id: number;
  code: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  status: "open" | "closed";
  free: Record<SlotSize, number>;
  takeBack: number;
  /** "Likely full by 11:00 (size M)…", worded by the page, when the forecast says so (lib/forecast), else null. */
  likelyFull: string | null;
};

const noSubscription = () => () => {};

type Position = { latitude: number; longitude: number };
type Locating = "idle" | "locating" | "denied" | "unavailable";

/**
 * The courier's sites: searchable, the last one used first, and sorted by distance once
 * the browser tells where the courier is — on a tap, or by itself when location is
 * already allowed. Without script the server's list (by name, filtered by ?q=) stands.
 */
export function SitePicker({ sites, lastSiteId, initialQuery }: { sites: PickableSite[]; lastSiteId: number | null; initialQuery: string }) {
  const t = useTranslations("courier.sites");
  const [query, setQuery] = useState(initialQuery);
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState<Locating>("idle");
  // False on the server and at hydration: the button needs script and a browser that locates.
  const canLocate = useSyncExternalStore(noSubscription, () => "geolocation" in navigator, () => false);

  function locate() {
    setLocating("locating");
    navigator.geolocation.getCurrentPosition(
      (found) => {
        setPosition({ latitude: found.coords.latitude, longitude: found.coords.longitude });
        setLocating("idle");
      },
      (error) => setLocating(error.code === error.PERMISSION_DENIED ? "denied" : "unavailable"),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  }

  useEffect(() => {
    if (!("geolocation" in navigator)) return;
    // Asking unprompted would pop a permission dialog; only use what was already allowed.
    navigator.permissions
      ?.query({ name: "geolocation" })
      .then((status) => {
        if (status.state === "granted") locate();
      })
      .catch(() => undefined);
  }, []);

  const shown = useMemo(() => {
    const matching = sites.filter((site) => matchesSite(site, query));
    const withDistance = matching.map((site) => ({ site, km: position ? distanceKm(position, site) : null }));
    if (position) return withDistance.sort((a, b) => a.km! - b.km! || a.site.name.localeCompare(b.site.name));
    // By name (as the server sent them), with the last site used first.
    return withDistance.sort((a, b) => Number(b.site.id === lastSiteId) - Number(a.site.id === lastSiteId));
  }, [sites, query, position, lastSiteId]);

  return (
    <div className="flex flex-col gap-4">
      <form role="search" method="get" className="flex gap-2" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="site-search" className="sr-only">
          {t("searchLabel")}
        </label>
        <input
          id="site-search"
          name="q"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t("searchPlaceholder")}
          autoComplete="off"
          enterKeyHint="search"
          className="min-h-12 w-full min-w-0 rounded-lg border border-gray-400 px-3 py-2 text-base"
        />
        <button type="submit" className={buttonClass("secondary", "shrink-0")}>
          {t("search")}
        </button>
      </form>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p aria-live="polite" className="text-sm text-gray-700">
          {position
            ? t("nearest")
            : locating === "locating"
              ? t("locating")
              : locating === "denied"
                ? t("denied")
                : locating === "unavailable"
                  ? t("unavailable")
                  : t("byName")}
        </p>
        {canLocate && !position ? (
          <button type="button" onClick={locate} disabled={locating === "locating"} className={buttonClass("secondary")}>
            <span aria-hidden>◎</span> {t("sortByDistance")}
          </button>
        ) : null}
      </div>

      {shown.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">
          {t("noMatch", { query })}
        </p>
      ) : (
        <ul aria-label={t("listLabel")} className="grid gap-3 sm:grid-cols-2">
          {shown.map(({ site, km }) => {
            const last = site.id === lastSiteId;
            return (
              <li
                key={site.id}
                className={`relative flex flex-col gap-2 rounded-2xl border-2 p-4 shadow-sm focus-within:ring-4 focus-within:ring-brand-300 hover:border-brand-500 ${
                  last ? "border-brand-500 bg-brand-50" : "border-gray-200 bg-white"
                }`}
              >
                <div className="flex flex-wrap items-center gap-2">
                  {last ? <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-bold text-white">{t("lastUsed")}</span> : null}
                  {site.takeBack > 0 ? (
                    <span className="rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold text-white">{t("toTakeBack", { count: site.takeBack })}</span>
                  ) : null}
                  {km !== null ? <span className="ml-auto text-sm font-semibold text-gray-800">{formatKm(km)}</span> : null}
                </div>
                <h2 className="text-lg font-semibold">
                  {/* The whole card is the link's target; its name stays the site's name. */}
                  <Link href={`/courier/sites/${site.id}`} className="after:absolute after:inset-0 after:content-[''] focus:outline-none">
                    {site.name}
                  </Link>
                </h2>
                <p className="text-sm text-gray-700">
                  {site.code} · {site.address}
                </p>
                {site.status === "closed" ? <p className="text-sm font-semibold text-red-700">{t("closed")}</p> : null}
                {site.likelyFull ? <p className="text-sm font-semibold text-amber-900">{site.likelyFull}</p> : null}
                <FreeSlots free={site.free} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
