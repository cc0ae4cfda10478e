import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConsentAnswerForms } from "@/components/customer/consent/consent-answer-forms";
import { requestContext } from "@/lib/auth/current";
import { consentByToken } from "@/lib/parcels/consent-requests";
import { answerConsentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer.consent");
  return { title: t("title"), referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

const ANSWERED = ["granted", "in_person", "call_me", "cancelled"] as const;

/** The page behind a consent request's text link (issue 16). Anyone holding the link may answer it, once. */
export default async function ConsentAnswerPage({ params }: Props) {
  const { token } = await params;
  const page = consentByToken(await requestContext(), decodeURIComponent(token));
  const t = await getTranslations("customer.consent");

  if (page.kind === "invalid" || page.kind === "expired") {
    return (
      <section className="mx-auto flex max-w-xl flex-col gap-3">
        <h1 className="text-2xl font-bold">{page.kind === "expired" ? t("expiredTitle") : t("invalidTitle")}</h1>
        <p className="text-gray-800">{page.kind === "expired" ? t("expiredText") : t("invalidText")}</p>
      </section>
    );
  }
  const { parcel } = page.request;
  const preferences = (
    <Link href={`/consent/${encodeURIComponent(decodeURIComponent(token))}/preferences`} className="font-semibold text-brand-700 underline">
      {t("nextTime")}
    </Link>
  );
  if (page.kind === "answered") {
    const status = ANSWERED.find((known) => known === page.status) ?? "other";
    return (
      <section className="mx-auto flex max-w-xl flex-col gap-3">
        <h1 className="text-2xl font-bold">{t(`answered.${status}.title`)}</h1>
        <p className="text-gray-800">{t(`answered.${status}.text`)}</p>
        <p className="text-sm text-gray-700">
          {t.rich("parcelLine", {
            carrier: parcel.carrierName,
            tracking: parcel.trackingNumber,
            site: parcel.siteName,
            mono: (chunks) => <span className="font-mono">{chunks}</span>,
          })}
        </p>
        {preferences}
      </section>
    );
  }
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t("askTitle")}</h1>
        <p className="text-gray-800">
          {t.rich("askText", {
            carrier: parcel.carrierName,
            tracking: parcel.trackingNumber,
            site: parcel.siteName,
            mono: (chunks) => <span className="break-all font-mono font-semibold">{chunks}</span>,
          })}
        </p>
      </div>
      <ConsentAnswerForms token={decodeURIComponent(token)} action={answerConsentAction} />
      {preferences}
    </section>
  );
}
