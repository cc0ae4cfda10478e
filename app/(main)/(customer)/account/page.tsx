import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { phoneVerificationStatus } from "@/lib/auth/phone-verification";
import { listPickupSites, myPreferredSite } from "@/lib/customer/preferences";
import { PasswordForm } from "./password-form";
import { PreferredSiteForm } from "./preferred-site-form";
import { TrustedPersonStanding } from "@/components/customer/trusted-person-standing";
import { myTrustedPerson } from "@/lib/trusted/trusted-persons";
import { maskPhone } from "@/lib/phone";
import { removeTrustedPersonAction, setTrustedPersonAction } from "./actions";
import { switchLanguageAction } from "../../../_i18n/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const user = await requirePageUser("customer");
  const ctx = await requestContext();
  const phone = phoneVerificationStatus(ctx);
  const sites = listPickupSites(ctx);
  const preferred = myPreferredSite(ctx);
  const trusted = phone.verified ? myTrustedPerson(ctx) : null;
  const t = await getTranslations("account");
  const language = await getTranslations("language");
  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-gray-700">{t("signedInAs", { name: user.name })}</p>
      </div>

      <section aria-labelledby="phone-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
        <h2 id="phone-heading" className="text-lg font-semibold">
          {t("phoneHeading")}
        </h2>
        <p>
          <span className="font-mono">{phone.maskedPhone ?? t("noPhone")}</span>{" "}
          {phone.verified ? (
            <span className="font-semibold text-green-800">{t("phoneConfirmed")}</span>
          ) : (
            <span className="font-semibold text-amber-800">{t("phoneNotConfirmed")}</span>
          )}
        </p>
        {!phone.verified ? (
          <Link href="/account/phone" className={buttonClass("primary", "w-full sm:w-fit")}>
            {t("confirmPhone")}
          </Link>
        ) : (
          <p className="text-sm text-gray-700">{t("phoneShowsParcels")}</p>
        )}
      </section>

      <section aria-labelledby="lockers-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
        <h2 id="lockers-heading" className="text-lg font-semibold">
          {t("lockersHeading")}
        </h2>
        <p className="text-gray-700">{t("lockersHelp")}</p>
        <Link href="/account/lockers" className={buttonClass("secondary", "w-full sm:w-fit")}>
          {t("lockersLink")}
        </Link>
      </section>
      {phone.verified ? (
        <TrustedPersonStanding
          current={trusted}
          maskedPhone={trusted ? maskPhone(trusted.phone) : null}
          saveAction={setTrustedPersonAction}
          removeAction={removeTrustedPersonAction}
        />
      ) : null}
      <section aria-labelledby="site-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
        <h2 id="site-heading" className="text-lg font-semibold">
          {t("siteHeading")}
        </h2>
        {preferred ? (
          <p className="text-sm text-gray-800">
            {t("siteNow")} <strong>{preferred.name}</strong>, {preferred.address}
          </p>
        ) : null}
        <PreferredSiteForm sites={sites} current={preferred?.id ?? null} />
      </section>

      <section aria-labelledby="password-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
        <h2 id="password-heading" className="text-lg font-semibold">
          {t("passwordHeading")}
        </h2>
        <p className="text-sm text-gray-700">{t("passwordHint")}</p>
        <PasswordForm />
      </section>

      <section aria-labelledby="language-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
        <h2 id="language-heading" className="text-lg font-semibold">
          {t("languageHeading")}
        </h2>
        <p className="font-medium">{language("current")}</p>
        <p className="text-sm text-gray-700">{t("languageHint")}</p>
        <div>
          <LanguageSwitch action={switchLanguageAction} className={buttonClass("secondary", "w-full sm:w-fit")} />
        </div>
      </section>
    </section>
  );
}
