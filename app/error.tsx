"use client";

import { RootErrorState } from "@/components/layout/error-state";

/* A failure of a layout below the root (the site header reads the session). */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RootErrorState error={error} retry={retry} />;
}
