"use client";

import type { InputHTMLAttributes } from "react";
import { isWithinReach, MAX_ROW_HEIGHT_MM } from "@/lib/slots/reach";

/**
 * One row's height above the ground in mm (its doors' bottom edge, lib/slots/reach.ts), with
 * its unit and a "within reach" mark while the value lies in the band. The new-locker editor
 * and a standing locker's row-heights form both use it; each words it from its own messages.
 */
export function RowHeightInput({
  value,
  onValue,
  invalid,
  words,
  className = "w-20",
  ...rest
}: {
  value: string;
  onValue: (value: string) => void;
  invalid: boolean;
  words: { mm: string; inReach: string };
  className?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "id" | "aria-label" | "aria-describedby">) {
  const inReach = value.trim() !== "" && isWithinReach(Number(value));
  return (
    <span className="flex items-center gap-1">
      <input
        {...rest}
        type="number"
        name="rowHeights"
        inputMode="numeric"
        min={0}
        max={MAX_ROW_HEIGHT_MM}
        step={1}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={invalid ? true : undefined}
        className={`min-h-10 ${className} rounded-lg border bg-white px-2 text-base ${invalid ? "border-red-700" : "border-gray-400"}`}
      />
      <span aria-hidden="true">{words.mm}</span>
      {inReach ? <span className="rounded bg-sky-100 px-1 text-xs font-semibold text-sky-900">{words.inReach}</span> : null}
    </span>
  );
}
