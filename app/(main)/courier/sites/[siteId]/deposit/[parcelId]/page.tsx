import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { depositScreen } from "@/lib/courier/queries";
import { listCourierSites, siteTimeZone } from "@/lib/courier/sites";
import { orNotFound } from "@/app/(main)/or-not-found";
import { routeId } from "../../../../route-id";
import { DoorPanel } from "./door-panel";
import { reportedDoorState } from "@/lib/doors/state";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("courier.door");
  return { title: t("title") };
}

type Props = {
  params: Promise<{ siteId: string; parcelId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DoorPage({ params, searchParams }: Props) {
  await requirePageUser("courier");
  const { siteId: rawSite, parcelId: rawParcel } = await params;
  const siteId = routeId(rawSite);
  const parcelId = routeId(rawParcel);
  if (siteId === null || parcelId === null) notFound();
  const ctx = await requestContext();

  const screen = orNotFound(() => depositScreen(ctx, parcelId));
  const { parcel } = screen;
  if (parcel.site.id !== siteId) redirect(`/courier/sites/${parcel.site.id}/deposit/${parcel.id}`);

  const served = listCourierSites(ctx);
  // The hold ends in the site's own time, whatever the courier's phone says.
  const timeZone = siteTimeZone(ctx, siteId);
  const locale = await requestLocale();
  const reach = await getTranslations("reach");
  const query = await searchParams;
  const text = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : "");
  const moved = text("moved") === "fault" || text("moved") === "bigger" ? (text("moved") as "fault" | "bigger") : null;

  return (
    <section className="mx-auto flex max-w-xl flex-col gap-5">
      {parcel.withinReach && parcel.state === "reserved" ? (
        <p role="note" className="rounded-xl border-2 border-sky-700 bg-sky-50 px-4 py-3 font-semibold text-sky-950">
          {reach("courierNote")}
        </p>
      ) : null}
      <DoorPanel
        parcel={parcel}
        recipientEmail={screen.recipientEmail}
        locker={screen.locker}
        notice={{
          replayed: text("replayed") === "1",
          moved: moved ? { why: moved, from: text("from").slice(0, 20) } : null,
          doorUnconfirmed: text("door") === "unconfirmed",
        }}
        heldUntil={parcel.state === "reserved" && parcel.reservedUntil ? formatAt(parcel.reservedUntil, { locale, timeZone }) : null}
        servedSiteIds={served.map((site) => site.id)}
        cabinetDoor={parcel.state === "reserved" && parcel.slot ? reportedDoorState(ctx, parcel.slot.id) : null}
      />
    </section>
  );
}
