import type { Metadata } from "next";
import Link from "next/link";
import { ConsentQuestions } from "@/components/customer/consent/consent-questions";
import { PastParcelRow, WaitingAtSite } from "@/components/customer/parcel-card";
import { DoorNotOpenedNotice } from "@/components/parcels/door-not-opened";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { myConsentRequests } from "@/lib/parcels/consent-requests";
import { listMyParcelCards, type ParcelCard } from "@/lib/customer/parcels";
import { answerConsentInAppAction } from "./consent-actions";

export const metadata: Metadata = { title: "My parcels" };

const ANSWERED: Record<string, string> = {
  granted: "Thank you: the courier puts it in the locker now.",
  in_person: "Thank you: the courier will bring it to you.",
  call_me: "Thank you: the courier will call you.",
};

export default async function MyParcelsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser("customer");
  const params = await searchParams;
  const ctx = await requestContext();
  const { waiting, expired, history, asOf } = await listMyParcelCards(ctx);
  const questions = myConsentRequests(ctx);
  const nothing = waiting.length + expired.length + history.length === 0;

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">My parcels</h1>
      {params.answered && ANSWERED[params.answered] ? <Alert tone="success">{ANSWERED[params.answered]}</Alert> : null}
      <ConsentQuestions requests={questions} action={answerConsentInAppAction} />
      {params.verified ? <Alert tone="success">Your phone number is confirmed. Parcels addressed to it show up here.</Alert> : null}

      {!user.verifiedPhone ? (
        <div className="flex flex-col gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p>
            <strong>Your phone number is not confirmed yet.</strong> Parcels are addressed to phone numbers, so they are shown
            once you have confirmed yours with a code we text you.
          </p>
          <Link href="/account/phone" className={buttonClass("primary", "w-full sm:w-fit")}>
            Confirm my phone number
          </Link>
        </div>
      ) : nothing ? (
        <div className="rounded-xl border border-dashed border-gray-300 p-8 text-center text-gray-700">
          <p className="text-lg font-semibold text-gray-900">No parcels yet</p>
          <p className="mt-1">
            When a courier puts a parcel for you in a locker, it appears here with its pickup code — and we text you.
          </p>
        </div>
      ) : (
        <>
          {history
            .filter((parcel) => parcel.doorNotOpened)
            .map((parcel) => (
              <DoorNotOpenedNotice key={parcel.id} door={parcel.doorNotOpened!} siteName={parcel.site.name} />
            ))}
          <section aria-labelledby="waiting-heading" className="flex flex-col gap-3">
            <h2 id="waiting-heading" className="text-lg font-semibold">
              Waiting for you <span className="font-normal text-gray-700">({waiting.length})</span>
            </h2>
            {waiting.length === 0 ? (
              <p className="text-gray-700">Nothing is waiting for you right now.</p>
            ) : (
              bySite(waiting).map((parcels) => <WaitingAtSite key={parcels[0].site.id} parcels={parcels} serverNow={asOf} />)
            )}
          </section>

          {expired.length > 0 ? (
            <section aria-labelledby="expired-heading" className="flex flex-col gap-3">
              <h2 id="expired-heading" className="text-lg font-semibold">
                Pickup time over
              </h2>
              <ul className="flex flex-col gap-2">
                {expired.map((parcel) => (
                  <PastParcelRow key={parcel.id} parcel={parcel} />
                ))}
              </ul>
            </section>
          ) : null}

          {history.length > 0 ? (
            <section aria-labelledby="history-heading" className="flex flex-col gap-3">
              <h2 id="history-heading" className="text-lg font-semibold">
                History
              </h2>
              <ul className="flex flex-col gap-2">
                {history.map((parcel) => (
                  <PastParcelRow key={parcel.id} parcel={parcel} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Waiting parcels grouped by station, in the order their first parcel is due. */
function bySite(parcels: ParcelCard[]): ParcelCard[][] {
  const groups = new Map<number, ParcelCard[]>();
  for (const parcel of parcels) groups.set(parcel.site.id, [...(groups.get(parcel.site.id) ?? []), parcel]);
  return [...groups.values()];
}
