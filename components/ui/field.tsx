import type { InputHTMLAttributes } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
};

/** A labelled input whose hint and errors are announced and tied to it by aria-describedby. */
export function Field({ name, label, hint, errors, id, className = "", ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = `${inputId}-error`;
  const invalid = Boolean(errors?.length);
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={inputId} className="text-sm font-medium text-gray-800">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
        className={`min-h-11 rounded-lg border px-3 py-2 text-base ${invalid ? "border-red-700" : "border-gray-400"}`}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-sm text-gray-600">
          {hint}
        </p>
      ) : null}
      <p id={errorId} aria-live="polite" className="text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
