import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LockerPreferencesForm } from "@/components/customer/consent/locker-preferences-form";
import { requestContext } from "@/lib/auth/current";
import { consentSettingsByToken } from "@/lib/consent/my-preferences";
import { savePreferencesByLinkAction } from "../actions";
import { WithinReachForm } from "@/components/customer/reach/within-reach-form";
import { withinReachByToken } from "@/lib/consent/within-reach";
import { saveWithinReachByLinkAction } from "./reach-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer.preferences");
  return { title: t("label"), referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

/** Locker preferences for someone without an account, by the link of a consent request's text. */
export default async function PreferencesByLinkPage({ params }: Props) {
  const token = decodeURIComponent((await params).token);
  const ctx = await requestContext();
  const settings = consentSettingsByToken(ctx, token);
  const t = await getTranslations("customer.preferences");
  if (!settings) {
    return (
      <section className="mx-auto flex max-w-xl flex-col gap-3">
        <h1 className="text-2xl font-bold">{t("linkInvalidTitle")}</h1>
        <p className="text-gray-800">{t("linkInvalidText")}</p>
      </section>
    );
  }
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t("label")}</h1>
        <p className="text-gray-700">{t("byLinkIntro")}</p>
      </div>
      <LockerPreferencesForm settings={settings} action={savePreferencesByLinkAction} token={token} />
      <WithinReachForm withinReach={withinReachByToken(ctx, token) ?? false} action={saveWithinReachByLinkAction} token={token} />
    </section>
  );
}
