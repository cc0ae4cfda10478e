import type { Metadata } from "next";
import { SitePicker } from "@/components/courier/site-picker";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { countTakeBackBySite } from "@/lib/courier/queries";
import { listCourierSites } from "@/lib/courier/sites";
import { readLastSiteId } from "./cookies";
import { clockTime, dayWords } from "@/components/admin/forecast/words";
import { courierFullWarnings } from "@/lib/forecast/courier";

export const metadata: Metadata = { title: "Choose a site" };

export default async function CourierHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("courier");
  const ctx = await requestContext();
  const sites = listCourierSites(ctx);
  const takeBack = countTakeBackBySite(ctx);
  const lastSiteId = await readLastSiteId();
  const q = (await searchParams).q;
  const query = typeof q === "string" ? q.slice(0, 100) : "";
  // All sites go to the picker: it filters by the query as it renders, on the server too,
  // so ?q= works before (or without) the page's script.
  const full = courierFullWarnings(ctx, sites.map((site) => site.id));
  const now = ctx.now();
  const pickable = sites.map((site) => {
    const warning = full.get(site.id);
    const when = warning && warning.at > now ? ` ${dayWords(warning.at, now, warning.timeZone) === "today" ? "" : `${dayWords(warning.at, now, warning.timeZone)} `}by ${clockTime(warning.at, warning.timeZone)}` : " now";
    return { ...site, takeBack: takeBack.get(site.id) ?? 0, likelyFull: warning ? `Likely full${when} (size ${warning.size}); send parcels to a site with room` : null };
  });
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Your sites</h1>
        <p className="text-gray-700">Hello {user.name}. Choose the site you are at; free doors are shown per size.</p>
      </div>
      {sites.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">
          You are not assigned to any site yet. Ask your campus admin to add you to one.
        </p>
      ) : (
        <SitePicker key={query} sites={pickable} lastSiteId={lastSiteId} initialQuery={query} />
      )}
    </section>
  );
}
