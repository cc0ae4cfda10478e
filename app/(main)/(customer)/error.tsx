"use client";

import { ErrorState } from "@/components/layout/error-state";

export default function CustomerError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorState error={error} retry={retry} back={{ href: "/parcels", label: "Back to My parcels" }}>
      <p>This page could not be shown. Try again in a moment. Your parcels wait in their lockers as before.</p>
    </ErrorState>
  );
}
