"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useCallback, useRef, useState } from "react";
import { Keypad } from "@/components/kiosk/keypad";
import { QrScanner } from "@/components/kiosk/qr-scanner";
import { useIdleReset } from "@/components/kiosk/use-idle-reset";
import { buttonClass } from "@/components/ui/button";
import type { DropOffProgress } from "@/lib/outbound/drop-off";
import type { SendState } from "@/lib/outbound/kiosk-state";
import { DropOffWatch } from "./drop-off-watch";

type Action = (previous: SendState, formData: FormData) => Promise<SendState>;
type Field = "code" | "phoneLast4";
const LENGTH: Record<Field, number> = { code: 6, phoneLast4: 4 };

const BIG_BUTTON = "min-h-16 w-full text-xl";
/** The submit button while it waits ("Opening…") or is not ready: dark text on a pale fill (8:1), as on the collect screen. */
const SUBMIT_WAITING = "disabled:bg-brand-100! disabled:text-brand-800! disabled:ring-2 disabled:ring-inset disabled:ring-brand-600";

/**
 * "Send a parcel" at the kiosk: the drop-off code and the sender's phone digits (typed on
 * the keypad or a keyboard) or the QR from their phone; then the open door, with "I closed
 * the door", "The door did not open" and "It does not fit"; then thanks. Where the cabinet
 * reports its doors, the screen moves on by itself when it reports the door closed. Like the
 * collect screen, it goes back to the kiosk's start screen after the idle time without a
 * touch (use-idle-reset.ts), taking what was typed with it and ending the customer's choice
 * of language.
 */
export function SendScreen({
  siteCode,
  action,
  progress,
  endLanguageChoice,
}: {
  siteCode: string;
  action: Action;
  progress: (outboundParcelId: number) => Promise<DropOffProgress | null>;
  /** Ends a customer's own choice of language (lib/kiosk/locale.ts), given while there is one. */
  endLanguageChoice?: () => Promise<void>;
}) {
  const t = useTranslations("kiosk.send");
  const size = useTranslations("sizes");
  const [state, formAction, pending] = useActionState<SendState, FormData>(action, { status: "idle" });
  const [entry, setEntry] = useState<Record<Field, string>>({ code: "", phoneLast4: "" });
  const [active, setActive] = useState<Field>("code");
  const [scanning, setScanning] = useState(false);
  const qrForm = useRef<HTMLFormElement>(null);
  const qrText = useRef<HTMLInputElement>(null);
  const [seen, setSeen] = useState<number | null>(null);
  const doorForm = useRef<HTMLFormElement>(null);
  const closedButton = useRef<HTMLButtonElement>(null);
  const openParcelId = state.status === "open" ? state.outboundParcelId : null;
  const askProgress = useCallback(() => (openParcelId === null ? Promise.resolve(null) : progress(openParcelId)), [progress, openParcelId]);
  // The cabinet saw the parcel go in: the same answer as the customer's own "I closed the door".
  const droppedOff = useCallback(() => doorForm.current?.requestSubmit(closedButton.current), []);
  const router = useRouter();
  const startScreen = `/kiosk/${encodeURIComponent(siteCode)}`;
  const walkedAway = useCallback(() => {
    startTransition(async () => {
      try {
        await endLanguageChoice?.();
      } finally {
        router.replace(startScreen);
      }
    });
  }, [endLanguageChoice, router, startScreen]);
  useIdleReset(walkedAway);

  // A new answer clears what was typed: the screen never keeps a code around.
  const nonce = "nonce" in state ? state.nonce : null;
  if (nonce !== seen) {
    setSeen(nonce);
    setEntry({ code: "", phoneLast4: "" });
    setActive("code");
  }

  function type(digit: string) {
    setEntry((current) => {
      const value = current[active];
      if (value.length >= LENGTH[active]) return current;
      const next = { ...current, [active]: value + digit };
      if (active === "code" && next.code.length === LENGTH.code) setActive("phoneLast4");
      return next;
    });
  }

  if (state.status === "done") {
    return (
      <section aria-labelledby="send-done" className="mx-auto flex w-full max-w-xl flex-col items-center gap-6 p-6 text-center">
        <h2 id="send-done" className="text-3xl font-bold">
          {t("doneHeading")}
        </h2>
        <p role="status" className="text-xl">
          {state.message}
        </p>
        <Link href={startScreen} className={buttonClass("primary", BIG_BUTTON)}>
          {t("done")}
        </Link>
      </section>
    );
  }

  if (state.status === "open") {
    return (
      <section aria-labelledby="send-door" className="mx-auto flex w-full max-w-xl flex-col gap-5 p-6">
        <h2 id="send-door" className="text-center text-3xl font-bold">
          {state.doorOpened ? t("doorOpen", { door: state.door.label }) : t("doorNotOpen", { door: state.door.label })}
        </h2>
        <p role="status" className="text-center text-xl">
          {state.message ? `${state.message} ` : ""}
          {state.doorOpened
            ? t("putIn", { door: state.door.label, locker: state.door.lockerCode, size: size(state.door.size) })
            : t("noAnswer")}
        </p>
        {state.doorOpened ? <DropOffWatch key={state.nonce} doorLabel={state.door.label} progress={askProgress} onDroppedOff={droppedOff} /> : null}
        <form ref={doorForm} action={formAction} className="flex flex-col gap-3">
          <input type="hidden" name="outboundParcelId" value={state.outboundParcelId} />
          {state.doorOpened ? (
            <button ref={closedButton} type="submit" name="intent" value="closed" disabled={pending} className={buttonClass("primary", BIG_BUTTON)}>
              {t("closed")}
            </button>
          ) : null}
          <button type="submit" name="intent" value="did_not_open" disabled={pending} className={buttonClass("secondary", BIG_BUTTON)}>
            {state.doorOpened ? t("didNotOpen") : t("tryAnother")}
          </button>
          <button type="submit" name="intent" value="does_not_fit" disabled={pending} className={buttonClass("secondary", BIG_BUTTON)}>
            {t("doesNotFit")}
          </button>
        </form>
      </section>
    );
  }

  const message = state.status === "idle" ? null : state.message;
  const fieldErrors = state.status === "invalid" ? state.fieldErrors : {};
  return (
    // Landscape: the fields and the button beside the keypad, as on the collect screen, so the
    // whole of it fits the kiosk's screen with no scrolling.
    <section aria-labelledby="send-heading" className="mx-auto flex w-full max-w-xl flex-col gap-4 p-4 sm:p-6 landscape:lg:max-w-5xl landscape:lg:py-4">
      <div className="flex items-center justify-between gap-3">
        <h2 id="send-heading" className="text-2xl font-bold sm:text-3xl">
          {t("heading")}
        </h2>
        <Link href={startScreen} className={buttonClass("secondary")}>
          {t("back")}
        </Link>
      </div>
      <div aria-live="assertive">
        {message ? (
          <p role="alert" className="rounded-xl border border-red-300 bg-red-50 px-4 py-3 text-lg text-red-900">
            {message}
          </p>
        ) : null}
      </div>
      {scanning ? (
        <>
          <form ref={qrForm} action={formAction}>
            <input ref={qrText} type="hidden" name="qrText" />
          </form>
          <QrScanner
            disabled={pending}
            onScan={(text) => {
              if (qrText.current) qrText.current.value = text;
              qrForm.current?.requestSubmit();
            }}
          />
          <button type="button" onClick={() => setScanning(false)} className={buttonClass("secondary", BIG_BUTTON)}>
            {t("typeInstead")}
          </button>
        </>
      ) : (
        <>
          <form action={formAction} className="flex flex-col gap-3 landscape:lg:grid landscape:lg:grid-cols-2 landscape:lg:grid-rows-[auto_1fr] landscape:lg:gap-x-6">
            <input type="hidden" name="intent" value="code" />
            <div className="flex flex-col gap-3 landscape:lg:col-start-1 landscape:lg:row-start-1">
              {(["code", "phoneLast4"] as const).map((field) => (
                <div key={field} className="flex flex-col gap-1">
                  <label htmlFor={`send-${field}`} className="text-lg font-medium">
                    {field === "code" ? t("codeLabel", { codeDigits: LENGTH.code }) : t("phoneLabel", { phoneDigits: LENGTH.phoneLast4 })}
                  </label>
                  <input
                    id={`send-${field}`}
                    name={field}
                    value={entry[field]}
                    onChange={(event) => setEntry({ ...entry, [field]: event.target.value.replace(/\D/g, "").slice(0, LENGTH[field]) })}
                    onFocus={() => setActive(field)}
                    // The screen's own keypad types here, as on the collect screen: no system keyboard over it.
                    inputMode="none"
                    autoComplete="off"
                    aria-describedby={`send-${field}-error`}
                    aria-invalid={fieldErrors[field] ? true : undefined}
                    className={`min-h-14 rounded-xl border bg-white px-4 font-mono text-3xl tracking-widest ${active === field ? "border-brand-600 ring-2 ring-brand-200" : "border-gray-400"}`}
                  />
                  <p id={`send-${field}-error`} aria-live="polite" className="text-red-700">
                    {fieldErrors[field]?.join(" ")}
                  </p>
                </div>
              ))}
            </div>
            <div className="landscape:lg:col-start-2 landscape:lg:row-span-2 landscape:lg:row-start-1">
              <Keypad
                disabled={pending}
                onDigit={type}
                onDelete={() => setEntry((current) => ({ ...current, [active]: current[active].slice(0, -1) }))}
                onClear={() => setEntry((current) => ({ ...current, [active]: "" }))}
              />
            </div>
            <button
              type="submit"
              disabled={pending || entry.code.length !== LENGTH.code || entry.phoneLast4.length !== LENGTH.phoneLast4}
              className={buttonClass("primary", `${BIG_BUTTON} ${SUBMIT_WAITING} landscape:lg:col-start-1 landscape:lg:row-start-2 landscape:lg:self-end`)}
            >
              {pending ? t("opening") : t("openDoor")}
            </button>
          </form>
          <button type="button" onClick={() => setScanning(true)} className={buttonClass("secondary", BIG_BUTTON)}>
            {t("scanInstead")}
          </button>
        </>
      )}
    </section>
  );
}
