import { getTranslations } from "next-intl/server";
import { RouteState } from "@/components/layout/route-state";

/*
 * Reached only by an address naming no site (the page renders every known site, paired or
 * showing its pairing code), so there is no start screen to go back to: the screen says
 * who can fix it. Someone setting the screen up types the right address.
 */
export default async function KioskNotFound() {
  const t = await getTranslations("kiosk.notFound");
  return (
    <main className="grid flex-1 place-items-center">
      <RouteState kiosk title={t("title")} actions={null}>
        <p>{t("body")}</p>
      </RouteState>
    </main>
  );
}
