import { useLocale, useTranslations } from "next-intl";
import { LOCALES } from "@/lib/i18n/locales";

/**
 * One tap to the other language. A plain form, so it works before JavaScript loads and by
 * keyboard; the button says where it goes in that language ("切换到中文"), marked with its
 * `lang` so a screen reader pronounces it right; on a phone it shows only the language's
 * name ("中文"), which the full phrase it is named by contains. The action is the app's (it sets the
 * cookie and the account's choice); this component only draws the button.
 */
export function LanguageSwitch({ action, className }: { action: (formData: FormData) => Promise<void>; className?: string }) {
  const t = useTranslations("language");
  const locale = useLocale();
  const other = LOCALES.find((candidate) => candidate !== locale) ?? LOCALES[0];
  return (
    <form action={action} className="contents">
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={t("switchTo")}
        className={
          className ??
          "min-h-11 whitespace-nowrap rounded-md px-2 py-2 text-sm font-medium text-gray-800 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-brand-600 sm:px-3"
        }
      >
        <span className="sm:hidden">{t("switchToShort")}</span>
        <span className="hidden sm:inline">{t("switchTo")}</span>
      </button>
    </form>
  );
}
