"use client";

import Link from "next/link";
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
  title = "Something went wrong",
  children,
}: {
  error: unknown;
  retry: () => void;
  back: WayBack;
  title?: string;
  children: ReactNode;
}) {
  return (
    <RouteState
      title={title}
      reference={errorReference(error)}
      actions={
        <>
          <Button onClick={() => retry()}>Try again</Button>
          <Link href={back.href} className={buttonClass("secondary")}>
            {back.label}
          </Link>
        </>
      }
    >
      <title>Something went wrong · Parcel Lockers</title>
      {children}
    </RouteState>
  );
}

/** A failure above the areas (a layout): drawn without the site header, so it brings the brand. */
export function RootErrorState({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <BrandBar />
      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6">
        <ErrorState error={error} retry={retry} back={{ href: "/", label: "Go to the home page" }}>
          <p>The service could not show this page. Please try again in a moment.</p>
        </ErrorState>
      </main>
    </>
  );
}
