"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import type { KioskLocker } from "@/lib/kiosk/door-grid";
import { CODE_DIGITS, parsePickupQr, PHONE_DIGITS } from "@/lib/kiosk/qr-payload";
import { KIOSK_IDLE, type KioskState } from "@/lib/kiosk/state";
import { DoorGrid, DoorLegend } from "./door-grid";
import { Keypad } from "./keypad";
import { QrScanner } from "./qr-scanner";
import { useIdleReset } from "./use-idle-reset";

/*
 * The locker's touch screen. One customer's visit is one "session": a fresh form state
 * that is thrown away — with everything typed and every answer — when they are done or
 * after IDLE_MS without a touch, so the next person never sees it. The idle restart also
 * refreshes the door grid from the server.
 */

type CollectAction = (previous: KioskState, formData: FormData) => Promise<KioskState>;

type Props = {
  siteCode: string;
  lockers: KioskLocker[];
  collect: CollectAction;
  /** How the screen starts: the slow-down the server is applying, so a reload does not hide it. */
  initial: KioskState;
  /**
   * Ends a customer's own choice of language (lib/kiosk/locale.ts), given while there is
   * one: the idle reset and "Done" then bring the site's language back with the start screen.
   */
  endLanguageChoice?: () => Promise<void>;
};

export function KioskScreen({ siteCode, lockers, collect, initial, endLanguageChoice }: Props) {
  const router = useRouter();
  const [session, setSession] = useState(0);
  const locked = useRef(false);
  // Filled in below: the idle reset and a fresh session each need the other.
  const resetIdle = useRef<() => void>(() => {});

  // A fresh session; `visitOver` (Done, the idle reset — not the end of a slow-down, with
  // the customer still standing there) also ends their choice of language.
  const restart = useCallback(
    (visitOver: boolean) => {
      resetIdle.current();
      locked.current = false;
      setSession((n) => n + 1);
      if (!visitOver || !endLanguageChoice) return router.refresh();
    // The action deletes the cookie and re-renders the page (door grid and language) in one go.
      startTransition(async () => {
        try {
          await endLanguageChoice();
        } catch {
          router.refresh();
        }
      });
    },
    [router, endLanguageChoice],
  );
  const visitOver = useCallback(() => restart(true), [restart]);
  const lockOver = useCallback(() => restart(false), [restart]);
  // A lockout runs its own countdown; walking away does not end it early.
  const { idleLeft, reset } = useIdleReset(visitOver, locked);
  useEffect(() => {
    resetIdle.current = reset;
  }, [reset]);

  const onLocked = useCallback((isLocked: boolean) => {
    locked.current = isLocked;
  }, []);

  return (
    <KioskSession
      key={session}
      siteCode={siteCode}
      lockers={lockers}
      collect={collect}
      initial={session === 0 ? initial : KIOSK_IDLE}
      idleLeft={idleLeft}
      onDone={visitOver}
      onLockOver={lockOver}
      onLocked={onLocked}
    />
  );
}

type SessionProps = Omit<Props, "endLanguageChoice"> & {
  idleLeft: number;
  onDone: () => void;
  onLockOver: () => void;
  onLocked: (locked: boolean) => void;
};

function KioskSession({ siteCode, lockers, collect, initial, idleLeft, onDone, onLockOver, onLocked }: SessionProps) {
  const t = useTranslations("kiosk.collect");
  const tDoors = useTranslations("kiosk.doors");
  const [state, dispatch, pending] = useActionState(collect, initial);
  const [mode, setMode] = useState<"keypad" | "scan">("keypad");
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  // The answer the customer has moved on from (by switching between keypad and scanner).
  const [dismissed, setDismissed] = useState<number | null>(null);

  useEffect(() => {
    onLocked(state.status === "locked");
  }, [state, onLocked]);

  function scanned(text: string) {
    const qr = parsePickupQr(text);
    if (!qr) return setScanProblem(t("notPickupQr"));
    if (qr.siteCode !== siteCode) {
      return setScanProblem(t("otherStationQr", { site: qr.siteCode }));
    }
    setScanProblem(null);
    const form = new FormData();
    if (qr.kind === "token") form.set("qrToken", qr.token);
    else {
      form.set("code", qr.code);
      form.set("phoneLast4", qr.phoneLast4);
    }
    startTransition(() => dispatch(form));
  }

  const openDoor = state.status === "opened" ? state.door.label : null;
  const secondsLeft = Math.max(0, Math.ceil(idleLeft / 1000));

  let panel;
  if (state.status === "opened") {
    panel = <OpenedPanel state={state} secondsLeft={secondsLeft} onDone={onDone} retry={dispatch} pending={pending} />;
  } else if (state.status === "expired") {
    panel = <ExpiredPanel message={state.message} secondsLeft={secondsLeft} onDone={onDone} />;
  } else if (state.status === "locked") {
    panel = (
      <LockedPanel key={state.nonce} message={state.message} retryAfterMs={state.retryAfterMs} onOver={onLockOver}>
        {/* A QR is not a guess: the server never slows it down, so it still opens the door. */}
        {scanProblem ? (
          <p role="alert" className="rounded-xl border-2 border-red-300 bg-red-50 px-4 py-3 text-lg font-semibold leading-snug text-red-900">
            {scanProblem}
          </p>
        ) : null}
        <QrScanner onScan={scanned} disabled={pending} />
      </LockedPanel>
    );
  } else {
    const problem =
      scanProblem ??
      ((state.status === "wrong" || state.status === "invalid" || state.status === "error") && state.nonce !== dismissed
        ? state.message
        : null);
    panel = (
      <div className="flex flex-col gap-4">
        <div className="flex items-start justify-between gap-3">
          <div>
            <h2 className="text-3xl font-bold landscape:lg:text-4xl">{t("heading")}</h2>
            {/* A problem takes the place of the instructions, so the keypad stays on screen. */}
            {problem ? null : (
              <p className="mt-1 text-xl text-gray-800 landscape:lg:text-2xl">
                {mode === "keypad" ? t("instructionsKeypad", { codeDigits: CODE_DIGITS, phoneDigits: PHONE_DIGITS }) : t("instructionsScan")}
              </p>
            )}
          </div>
          <button
            type="button"
            onClick={() => {
              setScanProblem(null);
              if (state.status !== "idle") setDismissed(state.nonce);
              setMode(mode === "keypad" ? "scan" : "keypad");
            }}
            className="flex min-h-14 shrink-0 flex-col items-center justify-center rounded-2xl border-2 border-brand-600 bg-white px-4 text-base font-semibold leading-tight text-brand-700 hover:bg-brand-50"
          >
            <span aria-hidden className="text-2xl leading-none">
              {mode === "keypad" ? "▣" : "⌨"}
            </span>
            {mode === "keypad" ? t("scanQr") : t("typeCode")}
          </button>
        </div>
        <div aria-live="assertive">
          {problem ? (
            <p role="alert" className="rounded-xl border-2 border-red-300 bg-red-50 px-4 py-3 text-lg font-semibold leading-snug text-red-900 landscape:lg:text-xl">
              {problem}
            </p>
          ) : null}
        </div>
        {mode === "keypad" ? (
          // Not remounted by an answer: after a miss the digits stay, so the customer fixes
          // only what they mistyped. The idle restart still clears them for the next person.
          <EntryForm
            dispatch={dispatch}
            pending={pending}
            answer={state.status === "wrong" || state.status === "invalid" ? state.nonce : null}
            fieldErrors={state.status === "invalid" ? state.fieldErrors : {}}
          />
        ) : (
          <QrScanner onScan={scanned} disabled={pending} />
        )}
      </div>
    );
  }

  return (
    // Landscape: code entry takes the screen (fields and keypad side by side); the map of
    // doors is a narrow column beside it, there to light up the door that opened.
    <div className="grid flex-1 content-start gap-4 p-3 sm:gap-6 sm:p-6 landscape:lg:grid-cols-[minmax(0,1fr)_minmax(14rem,22rem)] landscape:lg:content-stretch landscape:lg:gap-4 landscape:lg:p-4">
      <section aria-label={t("region")} className="flex w-full flex-col rounded-3xl bg-white p-5 shadow-sm sm:p-6 portrait:mx-auto portrait:max-w-3xl">
        {panel}
      </section>
      <section aria-labelledby="doors-heading" className="flex flex-col gap-4 rounded-3xl bg-white p-5 shadow-sm sm:p-6 landscape:lg:p-4">
        <h2 id="doors-heading" className="text-xl font-semibold">
          {tDoors("heading")}
        </h2>
        {/* A size container on a landscape kiosk: the map fits what the screen leaves it (door-grid.tsx). */}
        <div className="flex flex-1 items-center justify-center landscape:lg:min-h-0 landscape:lg:[container-type:size]">
          <DoorGrid lockers={lockers} openDoor={openDoor} />
        </div>
        <DoorLegend />
      </section>
    </div>
  );
}

function EntryForm({
  dispatch,
  pending,
  answer,
  fieldErrors,
}: {
  dispatch: (formData: FormData) => void;
  pending: boolean;
  /** The nonce of the miss just answered, or null: a miss keeps the digits and asks to check them. */
  answer: number | null;
  fieldErrors: Record<string, string[]>;
}) {
  const t = useTranslations("kiosk.collect");
  const [code, setCode] = useState("");
  const [phone, setPhone] = useState("");
  const [active, setActive] = useState<"code" | "phoneLast4">("code");
  const [hint, setHint] = useState<string | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const phoneInput = useRef<HTMLInputElement>(null);
  // The last miss the customer has started fixing; until then its digits are "to check".
  const [touchedAfter, setTouchedAfter] = useState<number | null>(null);
  const toCheck = answer !== null && touchedAfter !== answer && !pending;

  function focus(field: "code" | "phoneLast4") {
    setActive(field);
    (field === "code" ? codeInput : phoneInput).current?.focus();
  }

  function setCodeDigits(value: string) {
    const digits = value.replace(/\D/g, "").slice(0, CODE_DIGITS);
    setCode(digits);
    if (digits.length === CODE_DIGITS && active === "code") focus("phoneLast4");
  }

  function type(digit: string) {
    setHint(null);
    setTouchedAfter(answer);
    if (active === "code" && code.length < CODE_DIGITS) setCodeDigits(code + digit);
    else if (phone.length < PHONE_DIGITS) {
      setPhone(phone + digit);
      if (active !== "phoneLast4") focus("phoneLast4");
    }
  }

  function erase() {
    setTouchedAfter(answer);
    if (active === "phoneLast4" && phone.length === 0) {
      focus("code");
      setCode(code.slice(0, -1));
    } else if (active === "phoneLast4") setPhone(phone.slice(0, -1));
    else setCode(code.slice(0, -1));
  }

  function clear() {
    setTouchedAfter(answer);
    setCode("");
    setPhone("");
    setHint(null);
    focus("code");
  }

  // Digits typed while a keypad button (not a field) has the focus still count.
  function keyDown(event: KeyboardEvent) {
    if (event.target instanceof HTMLInputElement) return;
    if (/^\d$/.test(event.key)) {
      event.preventDefault();
      type(event.key);
    } else if (event.key === "Backspace") {
      event.preventDefault();
      erase();
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (code.length === CODE_DIGITS && phone.length === PHONE_DIGITS) {
      // Dispatched by hand, not by the form's action: React resets a form after its action,
      // and the digits are to stay for the customer to fix after a miss.
      const form = new FormData(event.currentTarget);
      startTransition(() => dispatch(form));
      return;
    }
    setHint(code.length < CODE_DIGITS ? t("codeHint", { codeDigits: CODE_DIGITS }) : t("phoneHint", { phoneDigits: PHONE_DIGITS }));
    focus(code.length < CODE_DIGITS ? "code" : "phoneLast4");
  }

  const box = (field: "code" | "phoneLast4") =>
    `w-full rounded-2xl border-2 bg-white px-3 py-2 text-center font-mono text-4xl font-bold tracking-[0.3em] tabular-nums portrait:sm:py-4 portrait:sm:text-6xl landscape:lg:py-3 landscape:lg:text-5xl ${
      active === field ? "border-brand-600 ring-4 ring-brand-100" : "border-gray-400"
    }`;

  return (
    // Landscape: the fields and the button on the left, the keypad as tall as the screen allows on the right.
    <form
      action={dispatch}
      onSubmit={submit}
      onKeyDown={keyDown}
      className="flex flex-col gap-4 landscape:lg:grid landscape:lg:flex-1 landscape:lg:grid-cols-2 landscape:lg:grid-rows-[auto_1fr] landscape:lg:gap-x-6"
      noValidate
    >
      <div className="grid grid-cols-[3fr_2fr] gap-3 landscape:lg:col-start-1 landscape:lg:grid-cols-1">
        <div className="flex flex-col gap-1">
          <label htmlFor="kiosk-code" className="text-base font-semibold text-gray-800 landscape:lg:text-xl">
            {t("codeLabel")}
          </label>
          <input
            ref={codeInput}
            id="kiosk-code"
            name="code"
            value={code}
            onChange={(event) => setCodeDigits(event.target.value)}
            onFocus={() => setActive("code")}
            inputMode="none"
            autoComplete="off"
            autoFocus
            maxLength={CODE_DIGITS}
            aria-describedby="kiosk-code-error"
            aria-invalid={fieldErrors.code ? true : undefined}
            className={box("code")}
          />
          <p id="kiosk-code-error" className="text-sm text-red-700 empty:hidden">
            {fieldErrors.code?.join(" ")}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="kiosk-phone" className="text-base font-semibold text-gray-800 landscape:lg:text-xl">
            {t("phoneLabel", { phoneDigits: PHONE_DIGITS })}
          </label>
          <input
            ref={phoneInput}
            id="kiosk-phone"
            name="phoneLast4"
            value={phone}
            onChange={(event) => setPhone(event.target.value.replace(/\D/g, "").slice(0, PHONE_DIGITS))}
            onFocus={() => setActive("phoneLast4")}
            inputMode="none"
            autoComplete="off"
            maxLength={PHONE_DIGITS}
            aria-describedby="kiosk-phone-error"
            aria-invalid={fieldErrors.phoneLast4 ? true : undefined}
            className={box("phoneLast4")}
          />
          <p id="kiosk-phone-error" className="text-sm text-red-700 empty:hidden">
            {fieldErrors.phoneLast4?.join(" ")}
          </p>
        </div>
      </div>
      <div className="landscape:lg:col-start-2 landscape:lg:row-span-2 landscape:lg:row-start-1">
        <Keypad onDigit={type} onDelete={erase} onClear={clear} disabled={pending} />
      </div>
      <div className="flex flex-col gap-4 landscape:lg:col-start-1 landscape:lg:row-start-2 landscape:lg:justify-end">
        <p aria-live="polite" className="text-center text-base font-medium text-red-800 empty:hidden landscape:lg:text-xl">
          {hint ?? (toCheck ? t("digitsKept") : null)}
        </p>
        {/* Pending ("Checking…"): dark text on a pale fill, 8:1, not white on brand-300 (1.8:1). */}
        <button
          type="submit"
          disabled={pending}
          className="min-h-16 rounded-2xl bg-brand-600 px-6 text-2xl font-bold text-white shadow hover:bg-brand-700 disabled:bg-brand-100 disabled:text-brand-800 disabled:shadow-none disabled:ring-2 disabled:ring-inset disabled:ring-brand-600 portrait:sm:min-h-24 portrait:sm:text-4xl landscape:lg:min-h-20 landscape:lg:text-3xl"
        >
          {pending ? t("checking") : t("openDoor")}
        </button>
      </div>
    </form>
  );
}

function OpenedPanel({
  state,
  secondsLeft,
  onDone,
  retry,
  pending,
}: {
  state: Extract<KioskState, { status: "opened" }>;
  secondsLeft: number;
  onDone: () => void;
  retry: (formData: FormData) => void;
  pending: boolean;
}) {
  const t = useTranslations("kiosk.collect");
  const door = state.door.label;
  return (
    <div className="flex flex-1 flex-col justify-center gap-6 text-center">
      {state.doorOpened ? (
        <div role="status" className="flex flex-col items-center gap-4">
          <span aria-hidden className="grid h-24 w-24 place-items-center rounded-full bg-green-100 text-5xl text-green-800">
            ✓
          </span>
          <p className="text-4xl font-bold leading-tight">{t("opened", { door })}</p>
          <p className="text-lg text-gray-700">{t("openedWhere", { locker: state.door.lockerCode })}</p>
        </div>
      ) : (
        <div role="alert" className="flex flex-col items-center gap-4">
          <p className="text-3xl font-bold text-red-800">{t("didNotOpen", { door })}</p>
          <p className="text-lg text-gray-800">{state.retryParcelId !== null ? t("didNotOpenRetry", { door }) : t("didNotOpenCall", { door })}</p>
          {state.retryParcelId !== null ? (
            <form action={retry}>
              <input type="hidden" name="retryParcelId" value={state.retryParcelId} />
              <button
                type="submit"
                disabled={pending}
                className="min-h-14 rounded-xl bg-brand-700 px-8 text-xl font-bold text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60"
              >
                {pending ? t("tryingDoor") : t("tryDoorAgain")}
              </button>
            </form>
          ) : null}
        </div>
      )}
      <DoneButton secondsLeft={secondsLeft} onDone={onDone} />
    </div>
  );
}

function ExpiredPanel({ message, secondsLeft, onDone }: { message: string; secondsLeft: number; onDone: () => void }) {
  const t = useTranslations("kiosk.collect");
  return (
    <div className="flex flex-1 flex-col justify-center gap-6 text-center">
      <div role="alert" className="flex flex-col items-center gap-4 rounded-2xl border-2 border-amber-300 bg-amber-50 p-6 text-amber-950">
        <p className="text-3xl font-bold">{t("expiredTitle")}</p>
        <p className="text-xl">{message}</p>
      </div>
      <DoneButton secondsLeft={secondsLeft} onDone={onDone} />
    </div>
  );
}

function DoneButton({ secondsLeft, onDone }: { secondsLeft: number; onDone: () => void }) {
  const t = useTranslations("kiosk.collect");
  return (
    <div className="flex flex-col items-center gap-2">
      <button
        type="button"
        onClick={onDone}
        className="min-h-16 w-full rounded-2xl bg-gray-900 px-6 text-2xl font-bold text-white hover:bg-gray-800"
      >
        {t("done")}
      </button>
      <p className="text-gray-700">{t("backToStart", { seconds: secondsLeft })}</p>
    </div>
  );
}

function LockedPanel({
  message,
  retryAfterMs,
  onOver,
  children,
}: {
  message: string;
  retryAfterMs: number;
  onOver: () => void;
  children: ReactNode;
}) {
  const t = useTranslations("kiosk.collect");
  const [until] = useState(() => Date.now() + retryAfterMs);
  const [left, setLeft] = useState(retryAfterMs);

  useEffect(() => {
    const timer = setInterval(() => {
      const remaining = until - Date.now();
      if (remaining <= 0) {
        clearInterval(timer);
        onOver();
      } else setLeft(remaining);
    }, 250);
    return () => clearInterval(timer);
  }, [until, onOver]);

  const seconds = Math.ceil(left / 1000);
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return (
    // Landscape: the message and the countdown beside the scanner, so the whole of it fits
    // the screen and the scanner's field, focused, scrolls nothing away.
    <div className="flex flex-1 flex-col items-center justify-center gap-5 text-center landscape:lg:grid landscape:lg:grid-cols-2 landscape:lg:items-center landscape:lg:gap-8">
      <div className="flex flex-col items-center gap-5">
        {/* Announced once; the ticking clock below is not a live region, or it would be read out every second. */}
        <div role="alert" className="flex flex-col gap-3">
          <p className="text-3xl font-bold">{t("lockedTitle")}</p>
          <p className="text-lg text-gray-800">{t("lockedBody")}</p>
          <p className="sr-only">{message}</p>
        </div>
        <p className="text-lg font-semibold text-gray-800">{t("tryAgainIn")}</p>
        <p className="font-mono text-7xl font-bold tabular-nums text-brand-700" data-testid="lockout-countdown">
          <time dateTime={`PT${seconds}S`}>{clock}</time>
        </p>
      </div>
      <div className="flex w-full flex-col gap-3 text-left">
        <p className="text-center text-lg text-gray-800">{t("lockedQr")}</p>
        {children}
      </div>
    </div>
  );
}
