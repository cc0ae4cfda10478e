import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { phoneVerificationStatus } from "@/lib/auth/phone-verification";
import { formatDateTime } from "@/lib/format";
import { smsGoesToMailbox } from "@/lib/notifications/delivery";
import { mailboxAccess } from "@/lib/notifications/mailbox";
import { RequestCodeForm, VerifyCodeForm } from "./phone-forms";

export const metadata: Metadata = { title: "Confirm your phone" };

export default async function ConfirmPhonePage() {
  await requirePageUser("customer");
  const ctx = await requestContext();
  const status = phoneVerificationStatus(ctx);
  const canReadMailbox = mailboxAccess(ctx) !== "none";

  if (status.verified) {
    return (
      <section className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">Your phone number is confirmed</h1>
        <p className="text-gray-700">
          <span className="font-mono">{status.maskedPhone}</span> is yours: parcels addressed to it show up in My parcels.
        </p>
        <Link href="/parcels" className={buttonClass("primary", "w-fit")}>
          My parcels
        </Link>
      </section>
    );
  }

  return (
    <section className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold">Confirm your phone number</h1>
        <p className="mt-1 text-gray-700">
          Couriers address parcels to phone numbers. To see yours, prove that{" "}
          <span className="font-mono font-semibold">{status.maskedPhone}</span> is your phone: we text it a 6-digit code.
        </p>
      </div>

      {status.pending ? (
        <section aria-labelledby="enter-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
          <h2 id="enter-heading" className="text-lg font-semibold">
            Enter the code
          </h2>
          <p className="text-sm text-gray-700">
            It works until {formatDateTime(status.pending.expiresAt)}; {status.pending.triesLeft}{" "}
            {status.pending.triesLeft === 1 ? "try" : "tries"} left.
          </p>
          <VerifyCodeForm />
        </section>
      ) : null}

      <section aria-labelledby="send-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
        <h2 id="send-heading" className="text-lg font-semibold">
          {status.pending ? "No text?" : "Get a code"}
        </h2>
        <RequestCodeForm again={status.pending !== null} />
      </section>

      {smsGoesToMailbox() ? (
        <p className="rounded-lg bg-sky-50 p-3 text-sm text-sky-950">
          This installation has no SMS gateway yet: texts land in the development mailbox
          {canReadMailbox ? (
            <>
              {" "}
              —{" "}
              <Link href="/dev/mailbox" className="font-semibold underline">
                open the mailbox
              </Link>
            </>
          ) : (
            ", where nobody may read a code meant for your phone. Ask the operator to connect an SMS gateway"
          )}
          .
        </p>
      ) : null}
    </section>
  );
}
