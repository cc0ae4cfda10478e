import { CODE_DIGITS, PHONE_DIGITS } from "./code";

/*
 * The kiosk guessing limits (decision 0001). Each kiosk slows itself down as wrong codes
 * pile up — a few free, then a wait that doubles with every further wrong code up to a
 * ceiling — and nothing ever closes a whole site: a guesser slows only the screen they
 * stand at, and a customer's QR (a signed token, not a guess) is never slowed. What bounds
 * the guesses at a site is then every kiosk's long-run rate times the most kiosks a site
 * may have (`maxKiosksPerSite`, enforced where kiosks are created).
 */
export const GUESS_LIMITS = {
  /** Wrong entries count for this long (and until an admin lifts them). */
  windowMs: 60 * 60_000,
  /** Wrong entries in the window a kiosk takes without any wait (typos). */
  freeWrong: 3,
  /** The wait after the first wrong entry beyond the free ones; it doubles with each one after. */
  firstDelayMs: 10_000,
  /** The longest wait: a guesser's long-run rate at one kiosk. */
  maxDelayMs: 5 * 60_000,
  /**
   * Kiosks one site may have (lib/kiosk/devices.ts refuses more). 7, not 10, since a
   * parcel may have two working codes (its recipient's and a trusted person's): 1,000
   * codes at a full 500-slot site need the guesses of at most 7 screens to stay under the bar.
   */
  maxKiosksPerSite: 7,
} as const;

export type GuessLimits = { readonly [K in keyof typeof GUESS_LIMITS]: number };

/** The wait a kiosk imposes after its latest wrong entry, given `wrong` wrong entries in the window. */
export function delayAfter(wrong: number, limits: GuessLimits = GUESS_LIMITS): number {
  if (wrong < limits.freeWrong) return 0;
  const doublings = wrong - limits.freeWrong;
  // 2^doublings overflows nothing before the ceiling caps it: stop doubling once there.
  return doublings >= 30 ? limits.maxDelayMs : Math.min(limits.maxDelayMs, limits.firstDelayMs * 2 ** doublings);
}

/**
 * The most wrong entries one kiosk can accept within any one window. The j-th entry of a
 * window (j > freeWrong) finds at least j - 1 wrong entries in the window before it, so it
 * comes at least delayAfter(j - 1) after the one before; the entries after the free ones
 * must fit their waits inside the window.
 */
export function maxWrongPerWindow(limits: GuessLimits = GUESS_LIMITS): number {
  let entries = limits.freeWrong;
  let spent = 0;
  for (;;) {
    spent += delayAfter(entries, limits);
    if (spent >= limits.windowMs) return entries;
    entries++;
  }
}

/**
 * The chance that someone entering codes as fast as the limits allow for `hours`, at every
 * kiosk a site may have, opens at least one door, when `liveCodes` codes work there (each
 * with its own phone digits: a door's recipient's code, and its trusted person's, if any). Any stretch of `hours`
 * is covered by ceil(hours / window) windows, each of which a kiosk can take at most
 * maxWrongPerWindow wrong entries in: a bound, not an average.
 */
export function guessingOdds(liveCodes: number, hours: number, limits: GuessLimits = GUESS_LIMITS) {
  const windows = Math.ceil((hours * 3_600_000) / limits.windowMs);
  const perKiosk = windows * maxWrongPerWindow(limits);
  const maxGuesses = perKiosk * limits.maxKiosksPerSite;
  const space = 10 ** (CODE_DIGITS + PHONE_DIGITS);
  const perGuess = liveCodes / space;
  const chance = 1 - Math.pow(1 - perGuess, maxGuesses);
  return { perKiosk, maxGuesses, space, perGuess, chance };
}
