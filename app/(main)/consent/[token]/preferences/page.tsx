import type { Metadata } from "next";
import { LockerPreferencesForm } from "@/components/customer/consent/locker-preferences-form";
import { requestContext } from "@/lib/auth/current";
import { consentSettingsByToken } from "@/lib/consent/my-preferences";
import { savePreferencesByLinkAction } from "../actions";
import { WithinReachForm } from "@/components/customer/reach/within-reach-form";
import { withinReachByToken } from "@/lib/consent/within-reach";
import { MessagesProvider } from "@/app/_i18n/messages-provider";
import { saveWithinReachByLinkAction } from "./reach-actions";

export const metadata: Metadata = { title: "Locker preferences", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

/** Locker preferences for someone without an account, by the link of a consent request's text. */
export default async function PreferencesByLinkPage({ params }: Props) {
  const token = decodeURIComponent((await params).token);
  const ctx = await requestContext();
  const settings = consentSettingsByToken(ctx, token);
  if (!settings) {
    return (
      <section className="mx-auto flex max-w-xl flex-col gap-3">
        <h1 className="text-2xl font-bold">This link is no longer valid</h1>
        <p className="text-gray-800">Use the link in the latest text about your parcel, or create an account to keep your preferences.</p>
      </section>
    );
  }
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Locker preferences</h1>
        <p className="text-gray-700">What couriers may do with your next parcels. No account needed.</p>
      </div>
      <LockerPreferencesForm settings={settings} action={savePreferencesByLinkAction} token={token} />
      <MessagesProvider namespaces={["reach"]}>
        <WithinReachForm withinReach={withinReachByToken(ctx, token) ?? false} action={saveWithinReachByLinkAction} token={token} />
      </MessagesProvider>
    </section>
  );
}
