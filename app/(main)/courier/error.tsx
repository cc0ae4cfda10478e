"use client";

import { ErrorState } from "@/components/layout/error-state";

export default function CourierError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorState error={error} retry={retry} back={{ href: "/courier", label: "Back to your sites" }}>
      <p>This page could not be shown. Try again in a moment.</p>
      <p>In the middle of a deposit or a take-back? Look the parcel up under Today before you repeat it.</p>
    </ErrorState>
  );
}
