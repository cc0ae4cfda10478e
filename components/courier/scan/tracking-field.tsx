"use client";

import { useTranslations } from "next-intl";
import { useCallback, useRef } from "react";
import { BarcodeScanner } from "./barcode-scanner";

/**
 * The tracking number: scanned by the camera, sent by a handheld scanner (which types and
 * presses Enter), typed or pasted. Each finished number goes to `onNumber` (the announced
 * look-up). Wired like components/ui/field.tsx: hint and errors announced and tied to the
 * input.
 */
export function TrackingField({
  defaultValue,
  errors,
  inputRef,
  scanRef,
  onNumber,
}: {
  defaultValue?: string;
  errors?: string[];
  inputRef: React.RefObject<HTMLInputElement | null>;
  scanRef: React.Ref<HTMLButtonElement>;
  onNumber: (value: string, how: "camera" | "enter" | "typed") => void;
}) {
  const t = useTranslations("courier.tracking");
  const last = useRef(defaultValue ?? "");
  const invalid = Boolean(errors?.length);
  const finished = useCallback(
    (value: string, how: "camera" | "enter" | "typed") => {
      const number = value.trim();
      if (how === "typed" && number === last.current) return;
      last.current = number;
      onNumber(number, how);
    },
    [onNumber],
  );
  const onScan = useCallback(
    (value: string) => {
      if (!inputRef.current) return;
      inputRef.current.value = value;
      finished(value, "camera");
    },
    [finished, inputRef],
  );
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="field-trackingNumber" className="text-sm font-medium text-gray-800">
        {t("label")}
      </label>
      <div className="flex gap-2">
        <input
          ref={inputRef}
          id="field-trackingNumber"
          name="trackingNumber"
          required
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="next"
          // Handheld scanners type the number and press Enter: look it up and go on,
          // rather than submit a half-filled form.
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            finished(event.currentTarget.value, "enter");
          }}
          onBlur={(event) => finished(event.currentTarget.value, "typed")}
          defaultValue={defaultValue}
          // Blank, but it tells CSS the field is empty (:placeholder-shown): the deposit form
          // shows the rest of its fields once a number is in.
          placeholder=" "
          aria-invalid={invalid || undefined}
          aria-describedby="field-trackingNumber-hint field-trackingNumber-error"
          className={`min-h-12 w-full min-w-0 rounded-lg border px-3 py-2 font-mono text-lg uppercase tracking-wide ${
            invalid ? "border-red-700" : "border-gray-400"
          }`}
        />
        <BarcodeScanner onScan={onScan} label={t("scan")} buttonRef={scanRef} />
      </div>
      {/* Said once the field is empty; with a number in, the line gives its room to the form. */}
      <p id="field-trackingNumber-hint" className="text-sm text-gray-600 group-has-[#field-trackingNumber:not(:placeholder-shown)]/deposit:hidden">
        {t("hint")}
      </p>
      <p id="field-trackingNumber-error" aria-live="polite" className="text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
