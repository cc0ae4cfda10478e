import type { ReactNode } from "react";

/**
 * A destructive action behind a second step: the summary opens the panel, which says what
 * will happen and holds the form that does it. Plain <details>, so it works before any
 * JavaScript has loaded, and the keyboard and screen readers know it as a disclosure.
 */
export function ConfirmPanel({
  label,
  tone = "danger",
  children,
}: {
  label: string;
  tone?: "danger" | "neutral";
  children: ReactNode;
}) {
  const summary =
    tone === "danger"
      ? "border-red-300 text-red-800 hover:bg-red-50"
      : "border-gray-300 text-gray-900 hover:bg-gray-50";
  return (
    <details className="group w-full rounded-lg">
      <summary
        className={`inline-flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-lg border bg-white px-4 py-2 text-base font-semibold [&::-webkit-details-marker]:hidden ${summary}`}
      >
        {label}
        <span aria-hidden className="text-sm transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className={`mt-2 flex flex-col gap-3 rounded-lg border p-4 ${tone === "danger" ? "border-red-200 bg-red-50/60" : "border-gray-200 bg-gray-50"}`}>
        {children}
      </div>
    </details>
  );
}
