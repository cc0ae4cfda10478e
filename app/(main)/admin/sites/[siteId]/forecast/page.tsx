import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/app/(main)/or-not-found";
import { SiteStatsView } from "@/components/admin/forecast/site-stats";
import { siteStats } from "@/lib/forecast/site-stats";
import { adminPageContext } from "../../../admin-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.forecast.stats");
  return { title: t("metaTitle") };
}

export default async function SiteForecastStatsPage({ params }: { params: Promise<{ siteId: string }> }) {
  const ctx = await adminPageContext();
  const { siteId } = await params;
  const stats = orNotFound(() => siteStats(ctx, siteId));
  return <SiteStatsView stats={stats} now={ctx.now()} />;
}
