"use client";

import { RootErrorState } from "@/components/layout/error-state";
import "./globals.css";

/*
 * The root layout itself failed: this replaces it, so it draws its own document and
 * brings the global styles (Next.js does not apply them here otherwise).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <RootErrorState error={error} retry={retry} />
      </body>
    </html>
  );
}
