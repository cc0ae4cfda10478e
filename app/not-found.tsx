import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RouteState } from "@/components/layout/route-state";
import { SiteHeader } from "@/components/layout/site-header";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/current";
import { ROLE_HOME } from "@/lib/auth/session-policy";
import { switchLanguageAction } from "./_i18n/actions";

/*
 * An address no route matches, in any area (/courier/nonsense, /parcels/1/extra): Next.js
 * draws this one inside the root layout only, so it brings the site header itself and
 * sends a signed-in person back to their own start, as the area's own not-found would.
 */
export default async function NotFound() {
  const user = await currentUser();
  const t = await getTranslations("routeState");
  return (
    <>
      <SiteHeader user={user ? { name: user.name, role: user.role } : null} switchLanguage={switchLanguageAction} />
      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6">
        <RouteState
          title={t("notFoundTitle")}
          actions={
            <Link href={user ? ROLE_HOME[user.role] : "/"} className={buttonClass("primary")}>
              {user ? t(`wayBack.${user.role}`) : t("goHome")}
            </Link>
          }
        >
          <p>{t("notFoundBody")}</p>
        </RouteState>
      </main>
    </>
  );
}
