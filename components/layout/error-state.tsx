"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { BrandBar, errorReference, RouteState } from "./route-state";

export type WayBack = { href: string; label: string };

/*
 * The error boundary of an area: "Try again" and the area's own way back. Nothing is logged
 * here: the server logged the error under its digest, and a message thrown in the browser
 * may carry what was on the screen (a pickup code, a phone number).
 */
export function ErrorState({
  error,
  retry,
  back,
  title,
  children,
}: {
  error: unknown;
  retry: () => void;
  back: WayBack;
  title?: string;
  children: ReactNode;
}) {
  const t = useTranslations("routeState");
  return (
    <RouteState
      title={title ?? t("errorTitle")}
      reference={errorReference(error)}
      actions={
        <>
          <Button onClick={() => retry()}>{t("tryAgain")}</Button>
          <Link href={back.href} className={buttonClass("secondary")}>
            {back.label}
          </Link>
        </>
      }
    >
      <title>{t("errorDocumentTitle")}</title>
      {children}
    </RouteState>
  );
}

/** A failure above the areas (a layout): drawn without the site header, so it brings the brand. */
export function RootErrorState({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("routeState");
  return (
    <>
      <BrandBar />
      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6">
        <ErrorState error={error} retry={retry} back={{ href: "/", label: t("goHome") }}>
          <p>{t("layoutFailed")}</p>
        </ErrorState>
      </main>
    </>
  );
}
