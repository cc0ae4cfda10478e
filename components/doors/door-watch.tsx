"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** How often the door screen asks the server again while a cabinet reports the door. */
const REFRESH_MS = 2_000;

/**
 * Follows a door its cabinet reports (issue 13): re-reads the page every two seconds, so
 * the screen moves on by itself when the cabinet reports the door closed and the deposit
 * completes — no reload, and the forms below keep what was typed. Says what the locker sees.
 */
export function DoorWatch({ doorLabel, state }: { doorLabel: string; state: "open" | "closed" | "unknown" }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  const words =
    state === "open"
      ? `The locker sees door ${doorLabel} open. Put the parcel in and shut the door: this screen moves on by itself.`
      : state === "closed"
        ? `The locker sees door ${doorLabel} shut but not the parcel inside. If the parcel is in, tap Door closed.`
        : `The locker cannot tell whether door ${doorLabel} is shut. When the parcel is in and the door shut, tap Door closed.`;
  return (
    <p role="status" aria-live="polite" className="rounded-xl border border-sky-300 bg-sky-50 px-4 py-3 text-center text-sky-950">
      {words}
    </p>
  );
}
