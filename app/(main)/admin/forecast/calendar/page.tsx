import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/action-form";
import { CalendarForm } from "@/components/admin/forecast/calendar-form";
import { PageHeader, Panel } from "@/components/admin/page-header";
import { organizationSites, upcomingCalendarMarks } from "@/lib/forecast/calendar";
import { adminPageContext } from "../../admin-context";
import { markCalendarDaysAction, unmarkCalendarDayAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.forecast.calendar");
  return { title: t("title") };
}

export default async function ForecastCalendarPage() {
  const ctx = await adminPageContext();
  const t = await getTranslations("admin.forecast.calendar");
  const marks = upcomingCalendarMarks(ctx);
  const { sites, today } = organizationSites(ctx);
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin" className="text-sm font-semibold text-brand-700 underline">
            {t("back")}
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel id="mark-days" title={t("mark")}>
          <CalendarForm action={markCalendarDaysAction} sites={sites} today={today} />
        </Panel>
        <Panel id="marked-days" title={t("marked")}>
          {marks.length === 0 ? (
            <p className="text-sm text-gray-700">{t("none")}</p>
          ) : (
            <ul aria-label={t("markedLabel")} className="flex flex-col divide-y divide-gray-100">
              {marks.map((mark) => (
                <li key={mark.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <strong className="tabular-nums">{mark.day}</strong> · {t(`kinds.${mark.kind}`)} · {mark.siteName ?? t("allSites")}
                  </span>
                  <ActionForm
                    action={unmarkCalendarDayAction}
                    hidden={{ markId: mark.id }}
                    submitLabel={t("unmark", { day: mark.day, site: mark.siteName ?? t("allSites") })}
                    pendingLabel={t("unmarking")}
                    variant="secondary"
                  />
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </section>
  );
}
