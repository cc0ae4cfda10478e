import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LockerPreferencesForm } from "@/components/customer/consent/locker-preferences-form";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { myConsentSettings } from "@/lib/consent/my-preferences";
import { saveLockerPreferencesAction } from "./actions";
import { WithinReachForm } from "@/components/customer/reach/within-reach-form";
import { myWithinReach } from "@/lib/consent/within-reach";
import { saveWithinReachAction } from "./reach-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer.preferences");
  return { title: t("label") };
}

/** Whether couriers may use a locker for the customer's parcels (issue 16). */
export default async function LockerPreferencesPage() {
  const user = await requirePageUser("customer");
  const t = await getTranslations("customer.preferences");
  if (!user.verifiedPhone) {
    return (
      <section className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">{t("label")}</h1>
        <p>{t("phoneFirst")}</p>
        <Link href="/account/phone" className={buttonClass("primary", "w-full sm:w-fit")}>
          {t("confirmPhone")}
        </Link>
      </section>
    );
  }
  const ctx = await requestContext();
  const settings = myConsentSettings(ctx);
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t("label")}</h1>
        <p className="text-gray-700">{t("intro", { phone: user.verifiedPhone })}</p>
        {!settings.recorded ? <p className="mt-2 text-sm text-gray-700">{t("notChosen")}</p> : null}
      </div>
      <LockerPreferencesForm settings={settings} action={saveLockerPreferencesAction} />
      <WithinReachForm withinReach={myWithinReach(ctx)} action={saveWithinReachAction} />
    </section>
  );
}
