"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect, useMemo, useRef, useState, type SelectHTMLAttributes } from "react";
import { SIZES, type SlotSize } from "@/lib/slots/sizes";
import { defaultRowBottoms } from "@/lib/slots/reach";
import { RowHeightInput } from "./row-height-input";
import { formatLayoutText, MAX_COLUMNS, MAX_ROWS, parseLayoutText, uniformLayout } from "@/lib/sites/layout-text";

/*
 * The cabinet's layout, three ways at once: rows × columns with a size and a height per row,
 * the doors themselves (select one to change its size), and the text the form submits. The
 * text is the source of truth for sizes — the form sends it even before this script has
 * loaded — and each row's height is a field of its own ("rowHeights", top row first): the
 * height above the ground of the row's bottom edge, in mm (lib/slots/reach.ts). Until the
 * admin types a height, the heights follow a standard cabinet's as rows change.
 */

const NEXT: Record<SlotSize, SlotSize> = { S: "M", M: "L", L: "XL", XL: "S" };
const HEIGHT: Record<SlotSize, string> = { S: "1.75rem", M: "2.5rem", L: "3.5rem", XL: "4.5rem" };
const RANK: Record<SlotSize, number> = { S: 1, M: 2, L: 3, XL: 4 };
const TONE: Record<SlotSize, string> = {
  S: "bg-sky-50 border-sky-400",
  M: "bg-emerald-50 border-emerald-500",
  L: "bg-amber-50 border-amber-500",
  XL: "bg-violet-50 border-violet-500",
};

const DEFAULT_LAYOUT = formatLayoutText(uniformLayout(["S", "M", "M", "L"], 4, 6));

export function LockerLayoutEditor({
  code,
  defaultText = DEFAULT_LAYOUT,
  defaultHeights,
  errors,
  heightErrors,
}: {
  code: string;
  defaultText?: string;
  /** The heights sent last time, put back after a refusal. */
  defaultHeights?: string[];
  errors?: string[];
  heightErrors?: string[];
}) {
  const t = useTranslations("admin.lockers");
  const [text, setText] = useState(defaultText);
  const [typedHeights, setTypedHeights] = useState<string[] | null>(defaultHeights ?? null);
  const parsed = useMemo(() => parseLayoutText(text), [text]);
  const [lastGood, setLastGood] = useState<SlotSize[][]>(() => {
    const first = parseLayoutText(defaultText);
    return first.ok ? first.layout : uniformLayout(["M"], 4, 6);
  });
  const layout = parsed.ok ? parsed.layout : lastGood;
  const rows = layout.length;
  const columns = layout[0]?.length ?? 0;
  const standard = defaultRowBottoms(layout).map(String);
  const heights = Array.from({ length: rows }, (_, r) => typedHeights?.[r] ?? standard[r]);

  function setHeight(r: number, value: string) {
    setTypedHeights(heights.map((height, index) => (index === r ? value : height)));
  }

  function update(next: SlotSize[][]) {
    setLastGood(next);
    setText(formatLayoutText(next));
  }
  function setRows(count: number) {
    update(Array.from({ length: count }, (_, r) => layout[r] ?? [...(layout[rows - 1] ?? Array(columns).fill("M"))]));
  }
  function setColumns(count: number) {
    update(layout.map((row) => Array.from({ length: count }, (_, c) => row[c] ?? row[row.length - 1] ?? "M")));
  }
  function setRowSize(r: number, size: SlotSize) {
    update(layout.map((row, index) => (index === r ? row.map(() => size) : row)));
  }
  function cycle(r: number, c: number) {
    update(layout.map((row, ri) => (ri === r ? row.map((size, ci) => (ci === c ? NEXT[size] : size)) : row)));
  }

  const prefix = code.trim().toUpperCase() || "A";
  const counts = SIZES.map((size) => [size, layout.flat().filter((s) => s === size).length] as const).filter(([, n]) => n > 0);
  const invalid = Boolean(errors?.length);

  return (
    <div className="grid gap-6 lg:grid-cols-[24rem_1fr]">
      <div className="flex flex-col gap-4">
        <div className="grid grid-cols-2 gap-3">
          <CountSelect id="layout-rows" label={t("rows")} value={rows} max={MAX_ROWS} onChange={setRows} />
          <CountSelect id="layout-columns" label={t("columns")} value={columns} max={MAX_COLUMNS} onChange={setColumns} />
        </div>
        <fieldset className="flex flex-col gap-2" aria-describedby="layout-heights-hint layout-heights-error">
          <legend className="mb-1 text-sm font-medium text-gray-800">{t("rowsLegend")}</legend>
          <p id="layout-heights-hint" className="text-sm text-gray-600">
            {t("heightHint")}
          </p>
          {layout.map((row, r) => {
            const uniform = row.every((size) => size === row[0]);
            const height = heights[r];
            return (
              <div key={r} className="grid grid-cols-[3.5rem_5rem_1fr] items-center gap-2 text-sm">
                <label htmlFor={`layout-row-${r + 1}`}>{t("rowLabel", { row: r + 1 })}</label>
                <KeptSelect
                  id={`layout-row-${r + 1}`}
                  value={uniform ? row[0] : ""}
                  onChange={(event) => setRowSize(r, event.target.value as SlotSize)}
                  className="min-h-10 rounded-lg border border-gray-400 bg-white px-2 text-base"
                >
                  {uniform ? null : (
                    <option value="" disabled>
                      {t("mixed")}
                    </option>
                  )}
                  {SIZES.map((size) => (
                    <option key={size} value={size}>
                      {size}
                    </option>
                  ))}
                </KeptSelect>
                <RowHeightInput
                  value={height}
                  onValue={(value) => setHeight(r, value)}
                  aria-label={t("heightLabel", { row: r + 1 })}
                  invalid={Boolean(heightErrors?.length)}
                  words={{ mm: t("mm"), inReach: t("inReach") }}
                />
              </div>
            );
          })}
          <p id="layout-heights-error" aria-live="polite" className="text-sm text-red-700">
            {heightErrors?.join(" ")}
          </p>
        </fieldset>
      </div>

      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-base font-semibold">{t("preview")}</h2>
          <p className="text-sm text-gray-700" aria-live="polite">
            {t("summary", { rows, columns, doors: rows * columns, counts: counts.map(([size, n]) => `${n} ${size}`).join(", ") })}
          </p>
        </div>
        <p className="text-sm text-gray-600">{t("selectDoor")}</p>
        <div className="overflow-x-auto">
          <div
            className="grid w-max min-w-full gap-1 rounded-lg border-4 border-slate-700 bg-slate-700 p-1"
            style={{
              gridTemplateColumns: `repeat(${columns}, minmax(2.75rem, 1fr))`,
              gridTemplateRows: layout.map((row) => HEIGHT[[...row].sort((a, b) => RANK[b] - RANK[a])[0]]).join(" "),
            }}
          >
            {layout.flatMap((row, r) =>
              row.map((size, c) => {
                const number = String(c * rows + r + 1).padStart(2, "0");
                return (
                  <button
                    key={`${r}-${c}`}
                    type="button"
                    onClick={() => cycle(r, c)}
                    aria-label={t("doorLabel", { door: `${prefix}-${number}`, row: r + 1, column: c + 1, size })}
                    className={`flex flex-col justify-between rounded-sm border-l-4 px-1 py-0.5 text-left text-gray-900 hover:brightness-95 ${TONE[size]}`}
                  >
                    <span className="text-[10px] font-bold leading-none">{number}</span>
                    <span className="text-[10px] font-semibold leading-none">{size}</span>
                  </button>
                );
              }),
            )}
          </div>
        </div>
        <details className="rounded-lg border border-gray-200 bg-gray-50 p-3" open={invalid || undefined}>
          <summary className="cursor-pointer text-sm font-semibold">{t("editAsText")}</summary>
          <div className="mt-2 flex flex-col gap-1">
            <label htmlFor="field-layout" className="text-sm font-medium text-gray-800">
              {t("textLabel")}
            </label>
            <textarea
              id="field-layout"
              name="layout"
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                const next = parseLayoutText(event.target.value);
                if (next.ok) setLastGood(next.layout);
              }}
              rows={Math.min(Math.max(rows, 3), 12)}
              spellCheck={false}
              aria-invalid={invalid || !parsed.ok || undefined}
              aria-describedby="field-layout-hint field-layout-error"
              className={`rounded-lg border px-3 py-2 font-mono text-base ${invalid || !parsed.ok ? "border-red-700" : "border-gray-400"}`}
            />
            <p id="field-layout-hint" className="text-sm text-gray-600">
              {t("textHint")}
            </p>
            <p id="field-layout-error" aria-live="polite" className="text-sm text-red-700">
              {errors?.join(" ") || (parsed.ok ? "" : t(`layoutErrors.${parsed.key}`, parsed.params))}
            </p>
          </div>
        </details>
      </div>
    </div>
  );
}

/** A count from 1 to `max`; not a form field of its own (the layout text is what is sent). */
function CountSelect({ id, label, value, max, onChange }: { id: string; label: string; value: number; max: number; onChange: (n: number) => void }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-gray-800">
        {label}
      </label>
      <KeptSelect
        id={id}
        value={String(value)}
        onChange={(event) => onChange(Number(event.target.value))}
        className="min-h-11 rounded-lg border border-gray-400 bg-white px-3 text-base"
      >
        {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
          <option key={n}>{n}</option>
        ))}
      </KeptSelect>
    </div>
  );
}

/**
 * A controlled select that keeps showing its value after the form's action. React resets the
 * form once an action returns, and a controlled select's options carry no `selected`
 * attribute, so the browser puts it back on its first option (1 row, 1 column, size S) while
 * the state, and so the preview, still hold what the admin chose. The reset runs in the
 * commit's mutation phase; this layout effect, run after it in every commit, puts the value back.
 */
function KeptSelect({ value, ...rest }: Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "defaultValue"> & { value: string }) {
  const ref = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => {
    if (ref.current && ref.current.value !== value) ref.current.value = value;
  });
  return <select ref={ref} value={value} {...rest} />;
}
