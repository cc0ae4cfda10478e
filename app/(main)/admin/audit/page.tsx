import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { AUDIT_CATEGORY_LABELS } from "@/components/admin/audit-words";
import { listAuditActors, listAuditTrail, type AuditTrailEntry, type AuditTrailPage } from "@/lib/admin/audit-trail";
import { isDomainError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { listSiteChoices } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../admin-context";
import { FilterSelect } from "@/components/admin/filter-select";

export const metadata: Metadata = { title: "Audit trail" };

const FILTERS = ["category", "site", "actor", "from", "to"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const ctx = await adminPageContext();
  const params = await searchParams;
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = params[name];
    if (typeof value === "string" && value.trim() !== "") query.set(name, value.trim());
  }
  const filters = Object.fromEntries(query);
  let trail: AuditTrailPage | null = null;
  let fieldErrors: Record<string, string[]> = {};
  try {
    trail = listAuditTrail(ctx, { ...filters, page: typeof params.page === "string" ? params.page : undefined });
  } catch (error) {
    if (!isDomainError(error) || error.code !== "INVALID") throw error;
    fieldErrors = (error.details as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ?? {};
  }
  const sites = listSiteChoices(ctx);
  const actors = listAuditActors(ctx);

  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title="Audit trail"
        description="Every admin action and every door opening at your sites: who, when and what. Entries are never edited."
      />
      <form method="get" action="/admin/audit" role="search" aria-label="Audit trail" className="flex flex-col gap-4 rounded-xl border border-gray-200 bg-gray-50 p-4">
        <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-5">
          <FilterSelect
            name="category"
            label="What"
            any="Everything"
            options={Object.entries(AUDIT_CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
            value={filters.category}
            errors={fieldErrors.category}
          />
          <FilterSelect
            name="site"
            label="Site"
            any="All sites"
            options={sites.map((site) => ({ value: site.id, label: site.name }))}
            value={filters.site}
            errors={fieldErrors.site}
          />
          <FilterSelect
            name="actor"
            label="Who"
            any="Anyone"
            options={actors.map((actor) => ({ value: actor.id, label: `${actor.name} (${actor.role})` }))}
            value={filters.actor}
            errors={fieldErrors.actor}
          />
          <Field name="from" label="From" type="date" defaultValue={filters.from} errors={fieldErrors.from} />
          <Field name="to" label="Until" type="date" defaultValue={filters.to} errors={fieldErrors.to} />
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass("primary")}>
            Filter
          </button>
          <Link href="/admin/audit" className={buttonClass("secondary")}>
            Clear
          </Link>
        </div>
      </form>

      {trail === null ? (
        <Alert tone="error">Some filters need another look; see the messages above.</Alert>
      ) : trail.entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">Nothing recorded matches these filters.</p>
      ) : (
        <>
          <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm">
            <table className="table-cards w-full min-w-[52rem] border-collapse text-sm">
              <caption className="sr-only">Audit trail, newest first</caption>
              <thead className="bg-gray-50 text-left text-gray-700">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">When</th>
                  <th scope="col" className="px-4 py-3 font-semibold">Who</th>
                  <th scope="col" className="px-4 py-3 font-semibold">What</th>
                  <th scope="col" className="px-4 py-3 font-semibold">Where</th>
                </tr>
              </thead>
              <tbody>
                {trail.entries.map((entry) => (
                  <tr key={entry.key} className="border-t border-gray-100 align-top">
                    <td data-label="When" className="whitespace-nowrap px-4 py-3 tabular-nums">
                      <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>
                    </td>
                    <td data-label="Who" className="px-4 py-3">{entry.actor}</td>
                    <td data-label="What" className="px-4 py-3">
                      <span className="mr-2 inline-flex rounded-full bg-gray-100 px-2 py-0.5 text-xs font-semibold text-gray-800">
                        {AUDIT_CATEGORY_LABELS[entry.category]}
                      </span>
                      <SubjectLink entry={entry} />
                    </td>
                    <td data-label="Where" className="px-4 py-3">
                      {entry.site ? (
                        <Link href={`/admin/sites/${entry.site.id}`} className="text-brand-700 underline">
                          {entry.site.name}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination path="/admin/audit" query={query} page={trail.page} hasMore={trail.hasMore} />
        </>
      )}
    </section>
  );
}

function SubjectLink({ entry }: { entry: AuditTrailEntry }) {
  const href = subjectHref(entry);
  return href ? (
    <Link href={href} className="text-gray-950 underline decoration-gray-300 underline-offset-2 hover:decoration-gray-900">
      {entry.summary}
    </Link>
  ) : (
    <span>{entry.summary}</span>
  );
}

function subjectHref(entry: AuditTrailEntry): string | null {
  const subject = entry.subject;
  if (!subject) return null;
  switch (subject.kind) {
    case "site":
      return `/admin/sites/${subject.id}`;
    case "locker":
      return entry.site ? `/admin/sites/${entry.site.id}` : null;
    case "slot":
      return entry.site ? `/admin/sites/${entry.site.id}/slots/${subject.id}` : null;
    case "parcel":
      return `/admin/parcels/${subject.id}`;
    case "user":
      return entry.action.startsWith("courier.") ? `/admin/people/couriers/${subject.id}` : "/admin/people/admins";
    case "carrier":
      return "/admin/carriers";
  }
}
