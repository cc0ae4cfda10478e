"use client";

import { ErrorState } from "@/components/layout/error-state";

export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorState error={error} retry={retry} back={{ href: "/admin", label: "Back to the dashboard" }}>
      <p>This page could not be shown. Try again; if it keeps happening, pass the reference below to whoever runs the system.</p>
    </ErrorState>
  );
}
