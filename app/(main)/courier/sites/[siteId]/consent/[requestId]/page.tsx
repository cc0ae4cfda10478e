import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { ConsentPanel } from "@/components/courier/consent/consent-panel";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { getConsentRequest } from "@/lib/parcels/consent-requests";
import { orNotFound } from "@/app/(main)/or-not-found";
import { routeId } from "../../../../route-id";
import { reserveAction } from "../../actions";
import { keepInPersonAction, sendConsentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("courier.consent");
  return { title: t("title") };
}

type Props = { params: Promise<{ siteId: string; requestId: string }> };

/** The courier's screen while a recipient's consent to the locker is sought (issue 16). */
export default async function ConsentPage({ params }: Props) {
  await requirePageUser("courier");
  const { siteId: rawSite, requestId: rawRequest } = await params;
  const siteId = routeId(rawSite);
  const requestId = routeId(rawRequest);
  if (siteId === null || requestId === null) notFound();
  const ctx = await requestContext();
  const request = orNotFound(() => getConsentRequest(ctx, { requestId }));
  if (request.parcel.siteId !== siteId) redirect(`/courier/sites/${request.parcel.siteId}/consent/${request.id}`);
  // The door was assigned meanwhile (another tab, the API): that screen is the one to be on.
  if (request.parcel.state === "reserved") redirect(`/courier/sites/${siteId}/deposit/${request.parcel.id}`);

  return (
    <section className="mx-auto flex max-w-xl flex-col gap-5">
      <ConsentPanel
        request={request}
        siteId={siteId}
        reserveAction={reserveAction}
        sendAction={sendConsentAction}
        keepAction={keepInPersonAction}
      />
    </section>
  );
}
