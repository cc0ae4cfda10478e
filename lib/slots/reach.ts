// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
import type { SlotSize } from "@/db/enums";
import { SIZE_DIMENSIONS } from "@/lib/slots/sizes";

/*
 * Doors within reach (issue 16; docs/decisions/0018-doors-within-reach.md). A row's height is
 * the height above the ground of its doors' bottom edge: the compartment's floor, where the
 * parcel lies and where a hand has to go. The doors open by themselves, so that floor — not a
 * handle — is what a person must reach. The band is ADA 2010 §308's unobstructed reach range,
 * 15-48 in, rounded to 380-1220 mm. The migration 0016 triggers hold the same figures.
 */
export const REACH_BAND_MM = { low: 380, high: 1220 } as const;
export const MAX_ROW_HEIGHT_MM = 3000;

export function isWithinReach(bottomMm: number | null | undefined): boolean {
  return bottomMm != null && bottomMm >= REACH_BAND_MM.low && bottomMm <= REACH_BAND_MM.high;
}

const PLINTH_MM = 100;
const FRAME_MM = 30;

/**
 * Row heights for a cabinet nobody measured, top row first: a 100 mm plinth, then each row as
 * tall as its tallest door's inner height plus 30 mm of frame, from the bottom row up.
 */
export function defaultRowBottoms(layout: SlotSize[][]): number[] {
  const bottoms = Array<number>(layout.length).fill(PLINTH_MM);
  let height = PLINTH_MM;
  for (let r = layout.length - 1; r >= 0; r--) {
    bottoms[r] = height;
    height += Math.max(0, ...layout[r].map((size) => SIZE_DIMENSIONS[size].heightMm)) + FRAME_MM;
  }
  return bottoms;
}
