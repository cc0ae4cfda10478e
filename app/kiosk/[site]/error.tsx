"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { IDLE_MS } from "@/components/kiosk/idle";
import { errorReference, KIOSK_ACTION_CLASS, RouteState } from "@/components/layout/route-state";

/** As long as the screen's own idle reset: a public screen never stays stuck. */
const START_AGAIN_AFTER_S = IDLE_MS / 1000;

/*
 * A kiosk is a public screen with nobody to press Back: it offers "Start again" and starts
 * again by itself after a while. Starting again re-renders the start screen from the server
 * (retry), inside this document: a full reload while the server is down would leave the
 * browser's own error page on the wall. If it fails again, this screen comes back and
 * counts down again. Nothing is logged here, and the error's message is never shown.
 */
export default function KioskError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("kiosk.error");
  const [secondsLeft, setSecondsLeft] = useState(START_AGAIN_AFTER_S);

  useEffect(() => {
    let left = START_AGAIN_AFTER_S;
    const timer = setInterval(() => {
      left -= 1;
      if (left <= 0) {
        left = START_AGAIN_AFTER_S;
        retry();
      }
      setSecondsLeft(left);
    }, 1000);
    return () => clearInterval(timer);
  }, [retry]);

  return (
    <main className="grid flex-1 place-items-center">
      <title>{t("documentTitle")}</title>
      <RouteState
        kiosk
        title={t("title")}
        reference={errorReference(error)}
        actions={
          <>
            <button type="button" onClick={() => retry()} className={KIOSK_ACTION_CLASS}>
              {t("startAgain")}
            </button>
            <p className="text-lg text-gray-700">{t("startsAgainIn", { seconds: secondsLeft })}</p>
          </>
        }
      >
        <p>{t("body")}</p>
      </RouteState>
    </main>
  );
}
