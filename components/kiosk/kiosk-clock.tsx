"use client";

import { useEffect, useMemo, useState } from "react";

/** The station's time in its own zone, as on every public screen. Renders nothing until it knows the time, so it never mismatches the server's HTML. */
export function KioskClock({ timeZone }: { timeZone: string }) {
  const format = useMemo(() => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone }), [timeZone]);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 15_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return <p className="font-mono text-2xl font-semibold tabular-nums sm:text-3xl">{now ? format.format(now) : ""}</p>;
}
