import { useTranslations } from "next-intl";
import type { SlotSize } from "@/lib/slots/sizes";

export type SizeChoice = {
  size: SlotSize;
  /** Inner dimensions, "410 × 190 × 600 mm". */
  dimensions: string;
  free: number;
};

/**
 * The four sizes as large radio cards: the letter, the inner dimensions a parcel must fit,
 * and how many doors of that size are free now.
 */
export function SizePicker({
  choices,
  defaultSize,
  errors,
}: {
  choices: SizeChoice[];
  defaultSize?: string;
  errors?: string[];
}) {
  const t = useTranslations("courier.sizePicker");
  const invalid = Boolean(errors?.length);
  return (
    <fieldset aria-describedby="size-hint size-error" className="flex flex-col gap-1">
      <legend className="text-sm font-medium text-gray-800">
        {t("legend")}{" "}
        <span aria-hidden className="font-normal text-gray-600">
          {t("legendNote")}
        </span>
      </legend>
      <p id="size-hint" className="sr-only">
        {t("hint")}
      </p>
      <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {choices.map((choice) => (
          <label
            key={choice.size}
            className={`group relative flex min-h-14 cursor-pointer flex-col justify-center rounded-xl border-2 px-3 py-1 has-[input:checked]:border-brand-600 has-[input:checked]:bg-brand-50 has-[input:focus-visible]:outline has-[input:focus-visible]:outline-3 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-brand-600 ${
              invalid ? "border-red-700" : "border-gray-300"
            }`}
          >
            <input
              type="radio"
              name="size"
              value={choice.size}
              defaultChecked={defaultSize === choice.size}
              required
              aria-label={t("sizeLabel", { size: choice.size })}
              aria-describedby={`size-${choice.size}-detail`}
              // Covers the card, invisible: a tap anywhere on it lands on the radio itself.
              className="absolute inset-0 h-full w-full cursor-pointer appearance-none rounded-xl opacity-0"
            />
            <span className="flex items-baseline justify-between gap-2">
              <span className="text-xl font-black leading-tight">
                {choice.size}
                <span aria-hidden className="ml-1 hidden text-base text-brand-700 group-has-[input:checked]:inline">
                  ✓
                </span>
              </span>
              <span className={`text-xs font-semibold ${choice.free === 0 ? "text-red-700" : "text-green-800"}`}>
                {t("free", { free: choice.free })}
              </span>
            </span>
            <span id={`size-${choice.size}-detail`} className="text-xs text-gray-700">
              {choice.dimensions}
              <span className="sr-only">, {t("free", { free: choice.free })}</span>
            </span>
          </label>
        ))}
      </div>
      <p id="size-error" aria-live="polite" className="text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </fieldset>
  );
}
