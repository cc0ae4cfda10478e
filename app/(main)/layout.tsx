import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { currentUser } from "@/lib/auth/current";
import { switchLanguageAction } from "../_i18n/actions";

export default async function MainLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const t = await getTranslations("common");
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <SiteHeader user={user ? { name: user.name, role: user.role } : null} switchLanguage={switchLanguageAction} />
      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
