import type { Metadata } from "next";
import { orNotFound } from "@/app/(main)/or-not-found";
import { SiteStatsView } from "@/components/admin/forecast/site-stats";
import { siteStats } from "@/lib/forecast/site-stats";
import { adminPageContext } from "../../../admin-context";

export const metadata: Metadata = { title: "Dwell times and door sizing" };

export default async function SiteForecastStatsPage({ params }: { params: Promise<{ siteId: string }> }) {
  const ctx = await adminPageContext();
  const { siteId } = await params;
  const stats = orNotFound(() => siteStats(ctx, siteId));
  return <SiteStatsView stats={stats} />;
}
