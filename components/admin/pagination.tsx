import Link from "next/link";

/** Previous / next links that keep every other part of the query. */
export function Pagination({ path, query, page, pages, hasMore }: { path: string; query: URLSearchParams; page: number; pages?: number; hasMore?: boolean }) {
  const last = pages ?? (hasMore ? page + 1 : page);
  if (last <= 1 && page <= 1) return null;
  const href = (target: number) => {
    const next = new URLSearchParams(query);
    if (target <= 1) next.delete("page");
    else next.set("page", String(target));
    const text = next.toString();
    return text ? `${path}?${text}` : path;
  };
  const link = "inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50";
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <span className="text-gray-700">{pages ? `Page ${page} of ${pages}` : `Page ${page}`}</span>
      {page < last ? (
        <Link href={href(page + 1)} className={link} rel="next">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
