import "server-only";

/*
 * CSV for spreadsheets (RFC 4180), safe to open in Excel, LibreOffice or Sheets. A cell
 * that starts with = + - @ (or a tab or carriage return) would be run as a formula by a
 * spreadsheet — "CSV injection" (OWASP) — and a recipient's name or a tracking number
 * comes from outside, so such cells get a leading apostrophe, which spreadsheets show as
 * text. Numbers are written as numbers; they cannot carry a formula.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The whole file: a header row, then one line per record, CRLF line ends, and a byte
 * order mark so that Excel reads UTF-8 (Chinese names) correctly.
 */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
