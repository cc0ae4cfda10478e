import type { Metadata } from "next";
import Link from "next/link";
import { ConsentAnswerForms } from "@/components/customer/consent/consent-answer-forms";
import { requestContext } from "@/lib/auth/current";
import { consentByToken } from "@/lib/parcels/consent-requests";
import { answerConsentAction } from "./actions";

export const metadata: Metadata = { title: "Your parcel: locker or not?", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

const ANSWERED: Record<string, { title: string; text: string }> = {
  granted: { title: "Thank you: it goes in the locker", text: "The courier is putting it in a locker now. Your pickup code comes by text." },
  in_person: { title: "Thank you: the courier will bring it to you", text: "No locker for this parcel. The courier will hand it to you." },
  call_me: { title: "Thank you: the courier will call you", text: "Keep your phone near you; the courier will call about this parcel." },
  cancelled: { title: "No answer needed any more", text: "The courier is delivering this parcel to you in person." },
};

/** The page behind a consent request's text link (issue 16). Anyone holding the link may answer it, once. */
export default async function ConsentAnswerPage({ params }: Props) {
  const { token } = await params;
  const page = consentByToken(await requestContext(), decodeURIComponent(token));

  if (page.kind === "invalid" || page.kind === "expired") {
    return (
      <section className="mx-auto flex max-w-xl flex-col gap-3">
        <h1 className="text-2xl font-bold">{page.kind === "expired" ? "This link has run out" : "This link does not work"}</h1>
        <p className="text-gray-800">
          {page.kind === "expired"
            ? "The courier could not wait any longer for an answer. They will ask again, call you, or bring the parcel to you."
            : "It may be incomplete or mistyped. Open the link from the latest text about your parcel."}
        </p>
      </section>
    );
  }
  const { parcel } = page.request;
  if (page.kind === "answered") {
    const words = ANSWERED[page.status] ?? { title: "Already answered", text: "This question has its answer." };
    return (
      <section className="mx-auto flex max-w-xl flex-col gap-3">
        <h1 className="text-2xl font-bold">{words.title}</h1>
        <p className="text-gray-800">{words.text}</p>
        <p className="text-sm text-gray-700">
          {parcel.carrierName} parcel <span className="font-mono">{parcel.trackingNumber}</span> · {parcel.siteName}
        </p>
        <Link href={`/consent/${encodeURIComponent(decodeURIComponent(token))}/preferences`} className="font-semibold text-brand-700 underline">
          Choose what couriers may do next time
        </Link>
      </section>
    );
  }
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">May the courier put your parcel in a locker?</h1>
        <p className="text-gray-800">
          {parcel.carrierName} parcel <span className="break-all font-mono font-semibold">{parcel.trackingNumber}</span>, at the locker{" "}
          {parcel.siteName}. The courier is waiting for your answer.
        </p>
      </div>
      <ConsentAnswerForms token={decodeURIComponent(token)} action={answerConsentAction} />
      <Link href={`/consent/${encodeURIComponent(decodeURIComponent(token))}/preferences`} className="font-semibold text-brand-700 underline">
        Choose what couriers may do next time
      </Link>
    </section>
  );
}
