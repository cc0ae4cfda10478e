import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ShipmentForm } from "@/components/customer/send/shipment-form";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { PROHIBITED_ITEMS } from "@/lib/outbound/prohibited";
import { outboundChoices } from "@/lib/outbound/settings";
import { startShipmentAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer.send");
  return { title: t("start") };
}

/**
 * The prohibited list in the reader's language, in the order of lib/outbound/prohibited.ts
 * (the English of record; messages.test keeps both lists the same length through these keys).
 */
const PROHIBITED_KEYS = ["weapons", "explosives", "flammables", "toxic", "narcotics", "batteries", "animals", "cash", "security"] as const;

export default async function NewShipmentPage() {
  const user = await requirePageUser("customer");
  if (!user.verifiedPhone) redirect("/send");
  const routes = outboundChoices(await requestContext());
  const t = await getTranslations("customer.send");
  const prohibited = PROHIBITED_ITEMS.map((_, i) => t(`prohibited.${PROHIBITED_KEYS[i]}`));
  return (
    <section className="flex flex-col gap-4">
      <Link href="/send" className="text-sm font-semibold text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("start")}</h1>
      <p className="text-gray-700">{t("newIntro")}</p>
      {routes.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-gray-700">{t("noRoutes")}</p>
      ) : (
        <ShipmentForm action={startShipmentAction} routes={routes} prohibited={prohibited} />
      )}
    </section>
  );
}
