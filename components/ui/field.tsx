import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/*
 * Labelled form controls whose hint and errors are announced and tied to the control by
 * aria-describedby: input, textarea, select and a checkbox group.
 */

type Common = { name: string; label: string; hint?: string; errors?: string[]; id?: string; className?: string };

function describedBy(inputId: string, hint?: string) {
  return [hint ? `${inputId}-hint` : null, `${inputId}-error`].filter(Boolean).join(" ");
}

function Messages({ inputId, hint, errors }: { inputId: string; hint?: string; errors?: string[] }) {
  return (
    <>
      {hint ? (
        <p id={`${inputId}-hint`} className="text-sm text-gray-600">
          {hint}
        </p>
      ) : null}
      <p id={`${inputId}-error`} aria-live="polite" className="text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </>
  );
}

/**
 * The label, hint and error line every control shares, and the attributes that tie them
 * to it; `render` draws the control itself.
 */
function Labelled({
  name,
  label,
  hint,
  errors,
  id,
  className = "",
  render,
}: Common & { render: (control: { id: string; name: string; "aria-invalid"?: true; "aria-describedby": string; border: string }) => ReactNode }) {
  const inputId = id ?? `field-${name}`;
  const invalid = Boolean(errors?.length);
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={inputId} className="text-sm font-medium text-gray-800">
        {label}
      </label>
      {render({
        id: inputId,
        name,
        "aria-invalid": invalid || undefined,
        "aria-describedby": describedBy(inputId, hint),
        border: invalid ? "border-red-700" : "border-gray-400",
      })}
      <Messages inputId={inputId} hint={hint} errors={errors} />
    </div>
  );
}

export function Field({ name, label, hint, errors, id, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Labelled
      {...{ name, label, hint, errors, id, className }}
      render={({ border, ...control }) => <input {...control} className={`min-h-11 rounded-lg border px-3 py-2 text-base ${border}`} {...input} />}
    />
  );
}

export function TextArea({ name, label, hint, errors, id, className, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Labelled
      {...{ name, label, hint, errors, id, className }}
      render={({ border, ...control }) => <textarea {...control} className={`min-h-20 rounded-lg border px-3 py-2 text-base ${border}`} {...rest} />}
    />
  );
}

/**
 * After a form action, React resets the form, and a select goes back to the option that was
 * selected when it was first drawn: React does not move `defaultSelected` when defaultValue
 * changes. Keyed by its default value, the select is drawn afresh with the values a refused
 * form puts back, so the chosen option stays chosen.
 */
export function Select({
  name,
  label,
  hint,
  errors,
  id,
  className,
  children,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <Labelled
      {...{ name, label, hint, errors, id, className }}
      render={({ border, ...control }) => (
        <select key={String(rest.defaultValue ?? "")} {...control} className={`min-h-11 rounded-lg border bg-white px-3 py-2 text-base ${border}`} {...rest}>
          {children}
        </select>
      )}
    />
  );
}

/** A group of checkboxes with one legend and one error line (its empty note is from `ui`). */
export function CheckboxGroup({
  name,
  legend,
  hint,
  errors,
  options,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string;
  errors?: string[];
  options: { value: string; label: ReactNode }[];
  checked: string[];
}) {
  const t = useTranslations("ui");
  const groupId = `group-${name}`;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy(groupId, hint)}>
      <legend className="text-sm font-medium text-gray-800">{legend}</legend>
      {options.length === 0 ? <p className="text-sm text-gray-600">{t("noChoices")}</p> : null}
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option.value} className="flex min-h-11 items-center gap-3 rounded-lg border border-gray-300 bg-white px-3 py-2">
            <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} className="h-5 w-5 accent-brand-600" />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <Messages inputId={groupId} hint={hint} errors={errors} />
    </fieldset>
  );
}
