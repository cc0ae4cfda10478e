"use client";

import Link from "next/link";
import { BrandBar, errorReference, RouteState } from "@/components/layout/route-state";
import { Button, buttonClass } from "@/components/ui/button";
import "./globals.css";

/*
 * The root layout itself failed: this replaces it, so it draws its own document and
 * brings the global styles (Next.js does not apply them here otherwise).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <title>Something went wrong · Parcel Lockers</title>
        <BrandBar />
        <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6">
          <RouteState
            title="Something went wrong"
            reference={errorReference(error)}
            actions={
              <>
                <Button onClick={() => retry()}>Try again</Button>
                <Link href="/" className={buttonClass("secondary")}>
                  Go to the home page
                </Link>
              </>
            }
          >
            <p>The service could not show this page. Please try again in a moment.</p>
          </RouteState>
        </main>
      </body>
    </html>
  );
}
