"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** How often the door screen asks the server again while a cabinet reports the door. */
const REFRESH_MS = 2_000;

const WORDS = { open: "watchOpen", closed: "watchClosed", unknown: "watchUnknown" } as const;

/**
 * Follows a door its cabinet reports (issue 13): re-reads the page every two seconds, so
 * the screen moves on by itself when the cabinet reports the door closed and the deposit
 * completes — no reload, and the forms below keep what was typed. Says what the locker sees;
 * its words come from `doors`, which the page's MessagesProvider must hand down.
 */
export function DoorWatch({ doorLabel, state }: { doorLabel: string; state: "open" | "closed" | "unknown" }) {
  const t = useTranslations("doors");
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <p role="status" aria-live="polite" className="rounded-xl border border-sky-300 bg-sky-50 px-4 py-3 text-center text-sky-950">
      {t(WORDS[state], { door: doorLabel })}
    </p>
  );
}
