import type { FormAction } from "@/components/ui/use-form-action";
import type { ConsentRequestView } from "@/lib/parcels/consent-requests";
import type { FormState } from "@/lib/forms/state";
import { ConsentAnswerForms } from "./consent-answer-forms";

/** The couriers' open questions to the signed-in recipient: locker, bring it, or call. */
export function ConsentQuestions({ requests, action }: { requests: ConsentRequestView[]; action: FormAction<FormState> }) {
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="consent-questions" className="flex flex-col gap-3 rounded-2xl border-2 border-amber-400 bg-amber-50 p-4">
      <h2 id="consent-questions" className="text-lg font-semibold text-amber-950">
        A courier is asking you
      </h2>
      {requests.map((request) => (
        <article key={request.id} aria-label={`Parcel ${request.parcel.trackingNumber}`} className="flex flex-col gap-2">
          <p className="text-amber-950">
            May {request.parcel.carrierName} put parcel <span className="break-all font-mono font-semibold">{request.parcel.trackingNumber}</span> in
            the locker at {request.parcel.siteName}?
          </p>
          <ConsentAnswerForms requestId={request.id} action={action} />
        </article>
      ))}
    </section>
  );
}
