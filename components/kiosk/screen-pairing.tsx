"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import type { ScreenPairingState } from "@/lib/kiosk/state";

/** How often a screen showing its code asks whether an admin has typed it. */
const POLL_MS = 3_000;

type Props = {
  siteName: string;
  /** The code this screen shows (as "K7MQ-4XRT") and how long it has left, or null. */
  pairing: { code: string; msLeft: number } | null;
  start: () => Promise<ScreenPairingState>;
};

/**
 * An unpaired screen: it opens nothing, and shows a code for an admin to type on their own
 * device, so nobody signs in on a public screen. While it shows the code it re-reads the
 * page every few seconds; once paired, the page is the kiosk.
 */
export function ScreenPairing({ siteName, pairing, start }: Props) {
  const t = useTranslations("kiosk.pairing");
  const router = useRouter();
  const [state, startAction, pending] = useActionState(start, { status: "idle" } as ScreenPairingState);

  useEffect(() => {
    if (!pairing) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    // The code's last moment: the page then offers a new one.
    const expiry = setTimeout(() => router.refresh(), pairing.msLeft + 500);
    return () => {
      clearInterval(timer);
      clearTimeout(expiry);
    };
  }, [pairing, router]);

  const minutes = pairing ? Math.max(1, Math.ceil(pairing.msLeft / 60_000)) : 0;
  return (
    <div className="grid flex-1 place-items-center p-6 sm:p-8">
      <div className="flex max-w-xl flex-col items-center gap-5 text-center">
        <h2 className="text-3xl font-bold">{t("title")}</h2>
        <p className="text-lg text-gray-800">{t("onlyOwnScreen", { site: siteName })}</p>
        {pairing ? (
          <section aria-labelledby="pairing-code-heading" className="flex w-full flex-col items-center gap-3 rounded-3xl bg-white p-6 shadow-sm">
            <h3 id="pairing-code-heading" className="text-xl font-semibold">
              {t("codeHeading")}
            </h3>
            <p className="font-mono text-5xl font-bold tracking-widest text-brand-700 sm:text-6xl" data-testid="pairing-code">
              {pairing.code}
            </p>
            <p className="text-gray-800">{t("adminEnters", { site: siteName })}</p>
            <p className="text-sm text-gray-700">{t("codeWorksFor", { minutes })}</p>
          </section>
        ) : (
          <form action={startAction} className="flex flex-col items-center gap-3">
            <p className="text-gray-800">{t("settingUp")}</p>
            {state.status === "error" ? (
              <p role="alert" className="rounded-xl border-2 border-red-300 bg-red-50 px-4 py-3 font-semibold text-red-900">
                {state.message}
              </p>
            ) : null}
            <button
              type="submit"
              disabled={pending}
              className="min-h-14 rounded-2xl bg-brand-600 px-6 text-xl font-bold text-white shadow hover:bg-brand-700 disabled:bg-brand-100 disabled:text-brand-800 disabled:shadow-none disabled:ring-2 disabled:ring-inset disabled:ring-brand-600"
            >
              {pending ? t("gettingCode") : t("showCode")}
            </button>
          </form>
        )}
        <p className="text-sm text-gray-700">
          {t("orSignIn")}{" "}
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent("/admin/sites")}`} className="font-semibold text-brand-700 underline">
            {t("signIn")}
          </Link>
        </p>
      </div>
    </div>
  );
}
