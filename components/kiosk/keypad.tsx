"use client";

import { useTranslations } from "next-intl";
import type { MouseEvent } from "react";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

// Keeps focus in the field being typed into, so a physical keyboard goes on working
// after a tap (the click itself still fires).
const keepFocus = (event: MouseEvent) => event.preventDefault();

// Keys grow with the screen: a finger's width on a phone, and on a landscape kiosk a ninth
// of its height (88 px at 1280×800, 119 px at 1920×1080), never under 64 px.
const KEY_CLASS =
  "flex min-h-14 items-center justify-center rounded-2xl text-3xl font-semibold shadow-sm transition-colors active:scale-95 disabled:opacity-40 portrait:sm:min-h-28 portrait:sm:text-5xl landscape:lg:min-h-[max(4rem,11dvh)] landscape:lg:text-5xl";

/** A touch-sized numeric keypad: digits, delete and clear. */
export function Keypad({
  onDigit,
  onDelete,
  onClear,
  disabled = false,
}: {
  onDigit: (digit: string) => void;
  onDelete: () => void;
  onClear: () => void;
  disabled?: boolean;
}) {
  const t = useTranslations("kiosk.keypad");
  return (
    <div role="group" aria-label={t("label")} className="grid grid-cols-3 gap-3">
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          disabled={disabled}
          onMouseDown={keepFocus}
          onClick={() => onDigit(key)}
          className={`${KEY_CLASS} bg-white text-gray-900 ring-1 ring-gray-300 hover:bg-gray-50 active:bg-gray-200`}
        >
          {key}
        </button>
      ))}
      <button
        type="button"
        disabled={disabled}
        onMouseDown={keepFocus}
        onClick={onClear}
        className={`${KEY_CLASS} bg-gray-200 !text-lg text-gray-900 hover:bg-gray-300 portrait:sm:!text-3xl landscape:lg:!text-3xl`}
      >
        {t("clear")}
      </button>
      <button
        type="button"
        disabled={disabled}
        onMouseDown={keepFocus}
        onClick={() => onDigit("0")}
        className={`${KEY_CLASS} bg-white text-gray-900 ring-1 ring-gray-300 hover:bg-gray-50 active:bg-gray-200`}
      >
        0
      </button>
      <button
        type="button"
        disabled={disabled}
        onMouseDown={keepFocus}
        onClick={onDelete}
        aria-label={t("delete")}
        className={`${KEY_CLASS} bg-gray-200 text-gray-900 hover:bg-gray-300`}
      >
        ⌫
      </button>
    </div>
  );
}
