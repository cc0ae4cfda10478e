import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/*
 * Loading skeletons: static markup, no client JavaScript. The region says "Loading…" to
 * screen readers once; the grey shapes inside are hidden from them.
 *
 * Where a loading.tsx may go: only above pages that never call notFound(). Its Suspense
 * boundary makes Next.js send the page's first bytes — and the status 200 — before the page
 * has run, so a not-found below it answers 200 instead of 404 (measured on
 * /kiosk/NO-SUCH-SITE), and a redirect() below it (a wrong role) happens in the browser
 * instead of as a 307. A page that checks first can stream its slow part in its own
 * <Suspense> with these pieces, after the check.
 */

export function LoadingSkeleton({ children, className = "" }: { children: ReactNode; className?: string }) {
  const t = useTranslations("routeState");
  return (
    <div role="status" aria-busy="true" aria-live="polite" className={`flex flex-col gap-4 ${className}`}>
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden className="flex flex-col gap-4">
        {children}
      </div>
    </div>
  );
}

/** One grey shape standing for text, a field or a card; size it with `className`. */
export function Bone({ className = "" }: { className?: string }) {
  return <div className={`rounded-md bg-gray-200 motion-safe:animate-pulse ${className}`} />;
}

/** A page's title and the line under it. */
export function HeadingBones({ wide = "w-2/3" }: { wide?: string }) {
  return (
    <div className="flex flex-col gap-2">
      <Bone className="h-8 w-40" />
      <Bone className={`h-5 ${wide}`} />
    </div>
  );
}

/** A list of cards or table rows. */
export function RowBones({ rows, className = "h-16" }: { rows: number; className?: string }) {
  return (
    <div className="flex flex-col gap-2">
      {Array.from({ length: rows }, (_, row) => (
        <Bone key={row} className={`w-full rounded-xl ${className}`} />
      ))}
    </div>
  );
}
