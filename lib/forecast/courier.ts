import "server-only";
import { z } from "zod";
import type { SlotSize } from "@/db/enums";
import { courierServesSite, requireCourier } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { Id, parseInput } from "@/lib/validation";
import type { ForecastPoint } from "./model";
import { currentForecast } from "./store";
import { likelyFullBy } from "./warnings";

/*
 * The forecast as carriers see it (the API and the courier's site list): only for the
 * sites the courier serves — any other site reads as one that does not exist — and only
 * the occupancy, never who the parcels are for.
 */

export type CourierForecast = {
  siteId: number;
  timeZone: string;
  computedAt: number;
  /** The first hour within the next 24 that some door size is more likely full than not. */
  likelyFullBy: { at: number; size: SlotSize } | null;
  sizes: { size: SlotSize; doors: number; occupiedNow: number; hours: ForecastPoint[] }[];
};

export const SiteForecastInput = z.object({ siteId: Id });

/** One served site's forecast. Couriers only; NOT_FOUND for a site they do not serve. */
export function courierSiteForecast(ctx: Ctx, raw: unknown): CourierForecast {
  const courier = requireCourier(ctx);
  const { siteId } = parseInput(SiteForecastInput, raw);
  if (!courierServesSite(ctx, courier.userId, siteId)) throw notFound("That site");
  const forecast = currentForecast(ctx.db, siteId, ctx.now());
  if (!forecast) throw notFound("That site");
  return {
    siteId,
    timeZone: forecast.timeZone,
    computedAt: forecast.computedAt,
    likelyFullBy: likelyFullBy(forecast),
    sizes: forecast.sizes.map((size) => ({ size: size.size, doors: size.capacity, occupiedNow: size.occupiedNow, hours: size.points })),
  };
}

export type FullWarning = {
  at: number;
  /** The first size to fill. */
  size: SlotSize;
  /** Every size of the site is full already: naming one would mislead. */
  everySizeFull: boolean;
  timeZone: string;
};

/** For the courier's site list: when each served site is likely full, if it is. Couriers only. */
export function courierFullWarnings(ctx: Ctx, siteIds: readonly number[]): Map<number, FullWarning> {
  const courier = requireCourier(ctx);
  const warnings = new Map<number, FullWarning>();
  for (const siteId of siteIds) {
    if (!courierServesSite(ctx, courier.userId, siteId)) continue;
    const forecast = currentForecast(ctx.db, siteId, ctx.now());
    const full = forecast ? likelyFullBy(forecast) : null;
    if (!forecast || !full) continue;
    const sizes = forecast.sizes.filter((size) => size.capacity > 0);
    const everySizeFull = sizes.length > 0 && sizes.every((size) => size.occupiedNow >= size.capacity);
    warnings.set(siteId, { ...full, everySizeFull, timeZone: forecast.timeZone });
  }
  return warnings;
}
