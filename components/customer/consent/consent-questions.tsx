import { useTranslations } from "next-intl";
import type { FormAction } from "@/components/ui/use-form-action";
import type { ConsentRequestView } from "@/lib/parcels/consent-requests";
import type { FormState } from "@/lib/forms/state";
import { ConsentAnswerForms } from "./consent-answer-forms";

/** The couriers' open questions to the signed-in recipient: locker, bring it, or call. */
export function ConsentQuestions({ requests, action }: { requests: ConsentRequestView[]; action: FormAction<FormState> }) {
  const t = useTranslations("customer.consent");
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="consent-questions" className="flex flex-col gap-3 rounded-2xl border-2 border-amber-400 bg-amber-50 p-4">
      <h2 id="consent-questions" className="text-lg font-semibold text-amber-950">
        {t("questionsHeading")}
      </h2>
      {requests.map((request) => (
        <article key={request.id} aria-label={t("parcelLabel", { tracking: request.parcel.trackingNumber })} className="flex flex-col gap-2">
          <p className="text-amber-950">
            {t.rich("question", {
              carrier: request.parcel.carrierName,
              tracking: request.parcel.trackingNumber,
              site: request.parcel.siteName,
              // Whole on its own line where it fits (a number read out to a courier); broken only when wider than the card.
              mono: (chunks) => <span className="break-words font-mono font-semibold">{chunks}</span>,
            })}
          </p>
          <ConsentAnswerForms requestId={request.id} action={action} />
        </article>
      ))}
    </section>
  );
}
