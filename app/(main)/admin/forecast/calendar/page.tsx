import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { CalendarForm } from "@/components/admin/forecast/calendar-form";
import { PageHeader, Panel } from "@/components/admin/page-header";
import { organizationSites, upcomingCalendarMarks } from "@/lib/forecast/calendar";
import { adminPageContext } from "../../admin-context";
import { markCalendarDaysAction, unmarkCalendarDayAction } from "./actions";

export const metadata: Metadata = { title: "Forecast calendar" };

const KIND_WORDS = { sales: "Sales day", term_start: "Term start" } as const;

export default async function ForecastCalendarPage() {
  const ctx = await adminPageContext();
  const marks = upcomingCalendarMarks(ctx);
  const { sites, today } = organizationSites(ctx);
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title="Forecast calendar"
        description="Mark the days you know will be busier than usual. The forecast expects more parcels on them — as many more as earlier marked days of the same kind brought to that site."
        actions={
          <Link href="/admin" className="text-sm font-semibold text-brand-700 underline">
            Back to the dashboard
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel id="mark-days" title="Mark days">
          <CalendarForm action={markCalendarDaysAction} sites={sites} today={today} />
        </Panel>
        <Panel id="marked-days" title="Marked days ahead">
          {marks.length === 0 ? (
            <p className="text-sm text-gray-700">No days are marked from today on.</p>
          ) : (
            <ul aria-label="Marked days" className="flex flex-col divide-y divide-gray-100">
              {marks.map((mark) => (
                <li key={mark.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <strong className="tabular-nums">{mark.day}</strong> · {KIND_WORDS[mark.kind]} · {mark.siteName ?? "all sites"}
                  </span>
                  <ActionForm
                    action={unmarkCalendarDayAction}
                    hidden={{ markId: mark.id }}
                    submitLabel={`Unmark ${mark.day} (${mark.siteName ?? "all sites"})`}
                    pendingLabel="Unmarking…"
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
