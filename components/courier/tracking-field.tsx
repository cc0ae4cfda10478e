"use client";

import { useCallback, useRef } from "react";
import { BarcodeScanner } from "./barcode-scanner";

/**
 * The tracking number: typed, pasted, sent by a handheld scanner (which types), or read by
 * the camera. Wired like components/ui/field.tsx: hint and errors announced and tied to
 * the input.
 */
export function TrackingField({
  defaultValue,
  errors,
  autoFocus,
}: {
  defaultValue?: string;
  errors?: string[];
  autoFocus?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const invalid = Boolean(errors?.length);
  const onScan = useCallback((value: string) => {
    if (!input.current) return;
    input.current.value = value;
    input.current.focus();
  }, []);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="field-trackingNumber" className="text-sm font-medium text-gray-800">
        Tracking number
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id="field-trackingNumber"
          name="trackingNumber"
          required
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="next"
          // Handheld scanners type the number and press Enter: go on to the phone rather
          // than submit a half-filled form.
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            event.currentTarget.form?.querySelector<HTMLInputElement>("[name=recipientPhone]")?.focus();
          }}
          // After a deposit the next parcel starts here.
          autoFocus={autoFocus}
          defaultValue={defaultValue}
          aria-invalid={invalid || undefined}
          aria-describedby="field-trackingNumber-hint field-trackingNumber-error"
          className={`min-h-12 w-full min-w-0 rounded-lg border px-3 py-2 font-mono text-lg uppercase tracking-wide ${
            invalid ? "border-red-700" : "border-gray-400"
          }`}
        />
        <BarcodeScanner onScan={onScan} label="Scan" />
      </div>
      <p id="field-trackingNumber-hint" className="text-sm text-gray-600">
        The waybill number: letters, digits and dashes.
      </p>
      <p id="field-trackingNumber-error" aria-live="polite" className="text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
