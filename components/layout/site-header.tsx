import Link from "next/link";
import { useTranslations } from "next-intl";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { BrandLink } from "./brand-link";
import type { Role } from "@/db/schema";

export function SiteHeader({
  user,
  switchLanguage,
}: {
  user: { name: string; role: Role } | null;
  /** The app's language action (app/_i18n/actions.ts): components do not import app/. */
  switchLanguage: (formData: FormData) => Promise<void>;
}) {
  const t = useTranslations("nav");
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-3 sm:gap-4">
        <BrandLink />
        <nav aria-label={t("account")} className="flex items-center gap-1 text-sm sm:gap-3">
          {user ? (
            <>
              <span className="hidden text-gray-700 sm:inline">
                {user.name} · {t(`roles.${user.role}`)}
              </span>
              <Link href="/sign-out" className="whitespace-nowrap rounded-md px-2 py-2 font-medium text-gray-800 hover:bg-gray-100 sm:px-3">
                {t("signOut")}
              </Link>
            </>
          ) : (
            <>
              <Link href="/sign-in" className="whitespace-nowrap rounded-md px-2 py-2 font-medium text-gray-800 hover:bg-gray-100 sm:px-3">
                {t("signIn")}
              </Link>
              <Link href="/sign-up" className="whitespace-nowrap rounded-md bg-brand-600 px-2 py-2 font-semibold text-white hover:bg-brand-700 sm:px-3">
                {t("signUp")}
              </Link>
            </>
          )}
          <LanguageSwitch action={switchLanguage} />
        </nav>
      </div>
    </header>
  );
}
