"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { RowHeightInput } from "./row-height-input";

/**
 * The height above the ground of each row of a cabinet that stands (its doors' bottom edge,
 * in mm; lib/slots/reach.ts), top row first, one field per row. The fields are controlled, so
 * what the admin typed stays after a refusal (the echoed values keep one entry per name);
 * their first values are the stored ones, so the form also works before JavaScript loads.
 */
export function RowHeightsForm({
  lockerId,
  lockerCode,
  rowHeightsMm,
  action,
}: {
  lockerId: number;
  lockerCode: string;
  rowHeightsMm: (number | null)[];
  action: FormAction;
}) {
  const t = useTranslations("admin.sites.rowHeights");
  const { state, formAction, errors } = useFormAction(action);
  const [heights, setHeights] = useState(() => rowHeightsMm.map((mm) => (mm === null ? "" : String(mm))));
  const idPrefix = `row-heights-${lockerId}`;
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="lockerId" value={lockerId} />
      <fieldset className="flex flex-col gap-2" aria-describedby={`${idPrefix}-hint ${idPrefix}-error`}>
        <legend className="mb-1 text-sm font-medium text-gray-800">{t("legend", { locker: lockerCode })}</legend>
        <p id={`${idPrefix}-hint`} className="text-sm text-gray-600">
          {t("intro")}
        </p>
        {heights.map((height, r) => {
          const rowErrors = errors[`rowHeights.${r}`];
          const inputId = `${idPrefix}-${r + 1}`;
          return (
            <div key={r} className="grid grid-cols-[4rem_1fr] items-start gap-2 text-sm">
              <label htmlFor={inputId} className="pt-2">
                <span aria-hidden="true">{t("row", { row: r + 1 })}</span>
                <span className="sr-only">{t("rowLabel", { locker: lockerCode, row: r + 1 })}</span>
              </label>
              <div className="flex flex-col gap-1">
                <RowHeightInput
                  id={inputId}
                  value={height}
                  onValue={(value) => setHeights((all) => all.map((old, i) => (i === r ? value : old)))}
                  invalid={Boolean(rowErrors?.length)}
                  aria-describedby={rowErrors?.length ? `${inputId}-error` : undefined}
                  words={{ mm: t("mm"), inReach: t("inReach") }}
                  className="w-24"
                />
                <p id={`${inputId}-error`} aria-live="polite" className="text-sm text-red-700">
                  {rowErrors?.join(" ")}
                </p>
              </div>
            </div>
          );
        })}
        <p id={`${idPrefix}-error`} aria-live="polite" className="text-sm text-red-700">
          {errors.rowHeights?.join(" ")}
        </p>
      </fieldset>
      <div>
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
