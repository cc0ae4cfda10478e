import { CODE_DIGITS, PHONE_DIGITS } from "./code";

/*
 * The kiosk guessing limits. Wrong entries are counted in sliding windows; the figures
 * below are what `guessingOdds` turns into the chance an attacker opens any slot.
 */
export const GUESS_LIMITS = {
  /** Wrong entries one kiosk accepts per window before it locks. */
  perKioskWrong: 5,
  perKioskWindowMs: 15 * 60_000,
  /** Wrong entries a whole site accepts per window, however many kiosks it has. */
  perSiteWrong: 30,
  perSiteWindowMs: 60 * 60_000,
  /** After this many wrong entries a kiosk makes the next one wait `slowDownMs`. */
  slowDownAfter: 3,
  slowDownMs: 10_000,
} as const;

export type GuessLimits = typeof GUESS_LIMITS;

/**
 * The chance that someone entering codes as fast as the limits allow for `hours` opens at
 * least one of `liveParcels` slots. The site-wide cap bounds every kiosk together, so
 * adding kiosks does not add guesses.
 */
export function guessingOdds(liveParcels: number, hours: number, limits: GuessLimits = GUESS_LIMITS) {
  const windowsPerSite = (hours * 3_600_000) / limits.perSiteWindowMs;
  const maxGuesses = Math.floor(windowsPerSite * limits.perSiteWrong);
  const space = 10 ** (CODE_DIGITS + PHONE_DIGITS);
  const perGuess = liveParcels / space;
  const chance = 1 - Math.pow(1 - perGuess, maxGuesses);
  return { maxGuesses, space, perGuess, chance };
}
