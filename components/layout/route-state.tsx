import { useTranslations } from "next-intl";
import { BrandLink } from "./brand-link";
import type { ReactNode } from "react";

/*
 * The body of every "not found" and "something went wrong" screen: a heading, what to do
 * now, the reference code support needs, and each area's own way back. No "use client"
 * and no hooks but next-intl's (which work on both sides), so the server's not-found files
 * and the client's error boundaries share it.
 * It never takes the error itself: only its digest, which the server's log is keyed by,
 * reaches the screen — the message and stack may hold data the person must not see.
 */

/** The kiosk's actions: big enough for a thumb on a wall-mounted touch screen. */
export const KIOSK_ACTION_CLASS =
  "inline-flex min-h-16 min-w-64 items-center justify-center rounded-2xl bg-brand-600 px-8 text-2xl font-semibold text-white hover:bg-brand-700";

export function RouteState({
  title,
  children,
  actions,
  reference,
  kiosk = false,
}: {
  title: ReactNode;
  /** What happened, in words for the person, and what they can do about it. */
  children: ReactNode;
  /** The way back (and "Try again" for an error), most likely first. */
  actions: ReactNode;
  /** An error's digest: shown so the person can quote it, never the error's message. */
  reference?: string;
  kiosk?: boolean;
}) {
  const t = useTranslations("routeState");
  return (
    <section
      aria-labelledby="route-state-heading"
      className={kiosk ? "mx-auto flex max-w-2xl flex-col items-center gap-6 p-8 text-center" : "mx-auto flex max-w-md flex-col gap-4 py-6 text-center"}
    >
      <h1 id="route-state-heading" className={kiosk ? "text-4xl font-bold" : "text-2xl font-bold text-gray-950"}>
        {title}
      </h1>
      <div className={`flex flex-col gap-2 text-gray-700 ${kiosk ? "text-xl" : ""}`}>{children}</div>
      <div className={`flex flex-col gap-3 ${kiosk ? "items-center" : "sm:flex-row sm:justify-center"}`}>{actions}</div>
      {reference ? (
        <p className={`text-gray-600 ${kiosk ? "text-base" : "text-sm"}`}>
          {t("reference")} <code className="font-mono font-semibold text-gray-900">{reference}</code>
        </p>
      ) : null}
    </section>
  );
}

/**
 * The digest Next.js gives an error from the server (the same one is in the server's log).
 * An error thrown in the browser has none, and may not even be an Error.
 */
export function errorReference(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  return typeof error.digest === "string" && error.digest !== "" ? error.digest : undefined;
}

/** The brand mark and name, for the screens drawn without the site header (a failed layout). */
export function BrandBar() {
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center px-4 py-3">
        <BrandLink />
      </div>
    </header>
  );
}
