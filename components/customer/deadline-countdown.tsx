"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatDuration } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

const HOUR = 3_600_000;

/**
 * Time left until a parcel's deadline, ticking once a minute (once a second in the last
 * hour). It starts from the server's clock so the first paint matches the server's HTML,
 * then follows the phone's.
 */
export function DeadlineCountdown({ deadline, serverNow }: { deadline: number; serverNow: number }) {
  const t = useTranslations("customer.countdown");
  const locale = useLocale() as Locale;
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, deadline - Date.now() < HOUR ? 1_000 : 30_000);
    return () => clearInterval(timer);
  }, [deadline]);

  const left = deadline - now;
  if (left <= 0) {
    return <span className="font-semibold text-red-700">{t("over")}</span>;
  }
  const tone = left < 3 * HOUR ? "text-red-700" : left < 24 * HOUR ? "text-amber-800" : "text-green-800";
  const total = Math.ceil(left / 1000);
  const duration =
    left < HOUR ? t("minutesSeconds", { minutes: Math.floor(total / 60), seconds: String(total % 60).padStart(2, "0") }) : formatDuration(left, locale);
  return <span className={`font-semibold ${tone}`}>{t("left", { duration })}</span>;
}
