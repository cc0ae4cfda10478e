import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TrustedDeclineForm } from "@/components/customer/trusted-decline-form";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { requestContext } from "@/lib/auth/current";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { trustedPickupByToken } from "@/lib/trusted/decline-link";
import { declineTrustedPickupAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trustedLink");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

/** The page behind the link in a trusted person's text (代收人, issue 16): they may say they cannot collect. */
export default async function TrustedLinkPage({ params }: Props) {
  const token = decodeURIComponent((await params).token);
  const page = trustedPickupByToken(await requestContext(), token);
  const t = await getTranslations("trustedLink");
  const locale = await requestLocale();

  if (page.kind === "invalid") {
    return (
      <section className="mx-auto flex max-w-xl flex-col gap-3">
        <h1 className="text-2xl font-bold">{t("metaTitle")}</h1>
        <p className="text-gray-800">{t("invalid")}</p>
      </section>
    );
  }
  const { parcel } = page;
  const words = { recipient: parcel.recipient, carrier: parcel.carrier, tracking: parcel.trackingNumber, site: parcel.site, door: parcel.door ?? "" };
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t("title", words)}</h1>
        <p className="break-words text-gray-800">{t(parcel.door ? "parcel" : "parcelNoDoor", words)}</p>
        {page.kind === "open" && parcel.expiresAt !== null ? (
          <p className="text-gray-800">{t("deadline", { deadline: formatAt(parcel.expiresAt, { locale, timeZone: parcel.timeZone }) })}</p>
        ) : null}
      </div>
      {page.kind === "open" ? (
        <>
          <p className="text-gray-800">{t("openIntro", words)}</p>
          <ConfirmPanel label={t("decline")}>
            <TrustedDeclineForm action={declineTrustedPickupAction} token={token} recipient={parcel.recipient} />
          </ConfirmPanel>
        </>
      ) : (
        <p role="status" className="rounded-lg border border-gray-200 bg-gray-50 px-3 py-2 text-gray-900">
          {t(page.kind === "declined" ? "declined" : "ended", words)}
        </p>
      )}
    </section>
  );
}
