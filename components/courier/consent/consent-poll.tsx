"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** How often the courier's screen asks whether the recipient answered. */
const POLL_MS = 3_000;

/**
 * Keeps the server-rendered consent screen fresh while an answer is awaited: the page
 * re-reads the request, so the answer appears (and a yes opens the door) without a tap.
 */
export function ConsentPoll({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => router.refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [active, router]);
  return null;
}
