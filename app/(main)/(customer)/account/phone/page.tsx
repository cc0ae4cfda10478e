import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { phoneVerificationStatus } from "@/lib/auth/phone-verification";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { smsGoesToMailbox } from "@/lib/notifications/delivery";
import { mailboxAccess } from "@/lib/notifications/mailbox";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { RequestCodeForm, VerifyCodeForm } from "./phone-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer.phone");
  return { title: t("title") };
}

export default async function ConfirmPhonePage() {
  await requirePageUser("customer");
  const ctx = await requestContext();
  const status = phoneVerificationStatus(ctx);
  const canReadMailbox = mailboxAccess(ctx) !== "none";
  const t = await getTranslations("customer.phone");
  const mono = (chunks: ReactNode) => <span className="font-mono">{chunks}</span>;

  if (status.verified) {
    return (
      <section className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("confirmedTitle")}</h1>
        <p className="text-gray-700">{t.rich("confirmedText", { phone: status.maskedPhone ?? "", mono })}</p>
        <Link href="/parcels" className={buttonClass("primary", "w-fit")}>
          {t("myParcels")}
        </Link>
      </section>
    );
  }

  // A code for confirming a phone belongs to no site: its time is in the installation's zone.
  const time = { locale: await requestLocale(), timeZone: DEFAULT_TIME_ZONE };
  return (
    <section className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-gray-700">
          {t.rich("intro", {
            phone: status.maskedPhone ?? "",
            mono: (chunks) => <span className="font-mono font-semibold">{chunks}</span>,
          })}
        </p>
      </div>

      {status.pending ? (
        <section aria-labelledby="enter-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
          <h2 id="enter-heading" className="text-lg font-semibold">
            {t("enterHeading")}
          </h2>
          <p className="text-sm text-gray-700">
            {t("worksUntil", { until: formatAt(status.pending.expiresAt, time), triesLeft: status.pending.triesLeft })}
          </p>
          <VerifyCodeForm />
        </section>
      ) : null}

      <section aria-labelledby="send-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
        <h2 id="send-heading" className="text-lg font-semibold">
          {status.pending ? t("noText") : t("getCode")}
        </h2>
        {status.usedUp ? <p className="text-sm text-red-700">{t("usedUp")}</p> : null}
        <RequestCodeForm again={status.pending !== null} />
      </section>

      {smsGoesToMailbox() ? (
        <p className="rounded-lg bg-sky-50 p-3 text-sm text-sky-950">
          {canReadMailbox
            ? t.rich("mailboxOpen", {
                link: (chunks) => (
                  <Link href="/dev/mailbox" className="font-semibold underline">
                    {chunks}
                  </Link>
                ),
              })
            : t("mailboxClosed")}
        </p>
      ) : null}
    </section>
  );
}
