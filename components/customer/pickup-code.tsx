import { useTranslations } from "next-intl";

/**
 * The pickup code in type large enough to read off the phone at arm's length, in two
 * groups of three. The text is the plain six digits, for screen readers and copy-paste.
 */
export function PickupCode({ code, size = "large" }: { code: string; size?: "large" | "huge" }) {
  const t = useTranslations("customer.pickup");
  return (
    <div className="flex flex-col gap-1">
      <span className="text-xs font-semibold uppercase tracking-wide text-brand-800">{t("code")}</span>
      <strong
        data-testid="pickup-code"
        className={`font-mono font-bold leading-none tracking-[0.12em] text-gray-900 tabular-nums ${size === "huge" ? "text-5xl" : "text-4xl"}`}
      >
        <span>{code.slice(0, 3)}</span>
        <span className="ml-[0.35em]">{code.slice(3)}</span>
      </strong>
      <span className="text-sm text-gray-700">{t("thenPhone")}</span>
    </div>
  );
}
