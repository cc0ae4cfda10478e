import Link from "next/link";
import { useTranslations } from "next-intl";

/** Previous / next links that keep every other part of the query. */
export function Pagination({ path, query, page, pages, hasMore }: { path: string; query: URLSearchParams; page: number; pages?: number; hasMore?: boolean }) {
  const t = useTranslations("ui.pagination");
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
    <nav aria-label={t("label")} className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          {t("newer")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-gray-700">{pages ? t("pageOf", { page, pages }) : t("page", { page })}</span>
      {page < last ? (
        <Link href={href(page + 1)} className={link} rel="next">
          {t("older")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
