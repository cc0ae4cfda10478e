// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
import { SIZES, type SlotSize } from "@/db/enums";

/*
 * A cabinet's layout written as text: one line per row of doors, top to bottom, sizes
 * separated by spaces ("S S S S" / "M M M M"). It is what the add-locker form submits, so
 * the form works as a plain textarea before the visual editor has loaded. Shared by the
 * server (parsing) and the editor in the browser, so it holds no server code.
 */

export const MAX_ROWS = 20;
export const MAX_COLUMNS = 40;

/** Why a layout text does not parse: a key of `admin.lockers.layoutErrors` and its parameters, and the English words for the server's field error. */
export type LayoutError = { ok: false; message: string; key: "empty" | "tooManyRows" | "notASize" | "tooManyColumns" | "uneven"; params: Record<string, string | number> };
export type LayoutParse = { ok: true; layout: SlotSize[][] } | LayoutError;

export function parseLayoutText(text: string): LayoutParse {
  const lines = text
    .split(/\r?\n|;/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length === 0) return { ok: false, key: "empty", params: {}, message: "Give the doors' sizes: one line per row, e.g. “M M M M”." };
  if (lines.length > MAX_ROWS) return { ok: false, key: "tooManyRows", params: { max: MAX_ROWS, count: lines.length }, message: `A locker has at most ${MAX_ROWS} rows; this has ${lines.length}.` };
  const layout: SlotSize[][] = [];
  for (const [index, line] of lines.entries()) {
    const row: SlotSize[] = [];
    for (const token of line.split(/[\s,]+/)) {
      const size = token.toUpperCase();
      if (!(SIZES as readonly string[]).includes(size)) {
        return { ok: false, key: "notASize", params: { row: index + 1, token }, message: `Row ${index + 1}: “${token}” is not a size. Use S, M, L or XL.` };
      }
      row.push(size as SlotSize);
    }
    if (row.length > MAX_COLUMNS) {
      return {
        ok: false,
        key: "tooManyColumns",
        params: { row: index + 1, count: row.length, max: MAX_COLUMNS },
        message: `Row ${index + 1} has ${row.length} doors; a locker has at most ${MAX_COLUMNS} columns.`,
      };
    }
    layout.push(row);
  }
  const columns = layout[0].length;
  const uneven = layout.findIndex((row) => row.length !== columns);
  if (uneven >= 0) {
    return {
      ok: false,
      key: "uneven",
      params: { row: uneven + 1, count: layout[uneven].length, columns },
      message: `Row ${uneven + 1} has ${layout[uneven].length} doors but row 1 has ${columns}; every row needs the same number.`,
    };
  }
  return { ok: true, layout };
}

export function formatLayoutText(layout: SlotSize[][]): string {
  return layout.map((row) => row.join(" ")).join("\n");
}

/** `rows` rows of `columns` doors, each row one size from `rowSizes` (the last repeats). */
export function uniformLayout(rowSizes: SlotSize[], rows: number, columns: number): SlotSize[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, () => rowSizes[Math.min(r, rowSizes.length - 1)] ?? "M"));
}
