"use client";

import { ErrorState } from "@/components/layout/error-state";

// A message thrown in the browser may carry what was typed: nothing is logged here.
export default function AuthError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorState error={error} retry={retry} back={{ href: "/", label: "Go to the home page" }} title="Signing in is not working just now">
      <p>Nothing was changed. Please try again in a moment.</p>
    </ErrorState>
  );
}
