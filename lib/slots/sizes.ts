// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
import { SIZES, type SlotSize } from "@/db/enums";

export const SIZE_RANK: Record<SlotSize, number> = { S: 1, M: 2, L: 3, XL: 4 };

/** Inner dimensions in mm (width × height × depth), the same figures the seed writes. */
export const SIZE_DIMENSIONS: Record<SlotSize, { widthMm: number; heightMm: number; depthMm: number }> = {
  S: { widthMm: 410, heightMm: 80, depthMm: 600 },
  M: { widthMm: 410, heightMm: 190, depthMm: 600 },
  L: { widthMm: 410, heightMm: 390, depthMm: 600 },
  XL: { widthMm: 410, heightMm: 640, depthMm: 600 },
};

export function sizeOfRank(rank: number): SlotSize | undefined {
  return SIZES[rank - 1];
}

export function describeSize(size: SlotSize): string {
  const d = SIZE_DIMENSIONS[size];
  return `${size} — ${d.widthMm} × ${d.heightMm} × ${d.depthMm} mm`;
}

/**
 * Reach of a row: 0 at the rows nearest chest height, +1 per row away from them. Rows are
 * numbered from 1 at the top. On a cabinet of R rows the comfortable band is the middle.
 */
export function reachOfRow(row: number, rows: number): number {
  const middle = (rows + 1) / 2;
  return Math.floor(Math.abs(row - middle));
}

export { SIZES };
export type { SlotSize };
