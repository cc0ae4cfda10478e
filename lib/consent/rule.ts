import type { ConsentChoice } from "@/db/enums";

/*
 * The consent rule (issue 16): may this parcel go into a locker now, must the courier ask,
 * or must it be handed over in person? One pure function of the recipient's preference,
 * the carrier and the moment as the site's clock reads it, so every case is a unit test.
 */

/** "ask me first for SF", "never a locker at weekends", "lockers fine 08:00–20:00". */
export type ConsentException = {
  choice: ConsentChoice;
  /** Only this carrier's parcels; every carrier when absent. */
  carrierId?: number;
  /** Days of the week, 0 = Sunday … 6 = Saturday; every day when absent. */
  days?: number[];
  /** A local time window, "HH:MM"; it may wrap midnight (22:00–07:00). The whole day when absent. */
  from?: string;
  to?: string;
};

export type ConsentPreference = {
  standing: ConsentChoice;
  exceptions: ConsentException[];
  /** The last local day ("2026-12-10") the recipient is away; couriers hold parcels until then. */
  awayUntil: string | null;
};

/** When and by whom, as the site's clock reads it. */
export type ConsentMoment = {
  carrierId: number;
  /** The site's local date, "2026-12-01". */
  date: string;
  /** 0 = Sunday … 6 = Saturday, at the site. */
  weekday: number;
  /** Minutes since the site's midnight. */
  minutes: number;
};

export type ConsentOutcome = "allowed" | "ask" | "refuse";

export type ConsentDecision = {
  outcome: ConsentOutcome;
  /** What decided it: the standing choice, an exception, being away, or no preference (the operator's default). */
  because: "standing" | "exception" | "away" | "no_preference";
};

const OUTCOME: Record<ConsentChoice, ConsentOutcome> = { allow: "allowed", ask: "ask", refuse: "refuse" };

/** "08:30" → 510; null when it is not a time of day. */
export function minutesOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function inWindow(exception: ConsentException, minutes: number): boolean {
  if (exception.from === undefined && exception.to === undefined) return true;
  const from = minutesOfDay(exception.from ?? "00:00") ?? 0;
  const to = minutesOfDay(exception.to ?? "23:59") ?? 24 * 60;
  // to is exclusive; a window whose end comes first wraps midnight.
  return from <= to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

function applies(exception: ConsentException, moment: ConsentMoment): boolean {
  if (exception.carrierId !== undefined && exception.carrierId !== moment.carrierId) return false;
  if (exception.days !== undefined && exception.days.length > 0 && !exception.days.includes(moment.weekday)) return false;
  return inWindow(exception, moment.minutes);
}

/**
 * Away wins (the recipient is not there to collect), then the first exception that applies,
 * then the standing choice. A recipient with no preference gets the operator's default.
 */
export function decideConsent(
  preference: ConsentPreference | null,
  moment: ConsentMoment,
  operatorDefault: ConsentChoice,
): ConsentDecision {
  if (!preference) return { outcome: OUTCOME[operatorDefault], because: "no_preference" };
  if (preference.awayUntil && moment.date <= preference.awayUntil) return { outcome: "refuse", because: "away" };
  const exception = preference.exceptions.find((candidate) => applies(candidate, moment));
  if (exception) return { outcome: OUTCOME[exception.choice], because: "exception" };
  return { outcome: OUTCOME[preference.standing], because: "standing" };
}
