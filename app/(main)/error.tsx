"use client";

import { ErrorState } from "@/components/layout/error-state";

/** The pages outside the three areas (home, sign-out, the development mailbox). */
export default function MainError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorState error={error} retry={retry} back={{ href: "/", label: "Go to the home page" }}>
      <p>This page could not be shown. Please try again in a moment.</p>
    </ErrorState>
  );
}
