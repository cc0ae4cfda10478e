import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KioskActor } from "@/lib/context";
import { collectParcel, WRONG_CODE_MESSAGE, type ExpiredDetails, type LockedOutDetails } from "@/lib/parcels/collect";
import { CODE_DIGITS, PHONE_DIGITS } from "@/lib/pickup-codes/code";
import { GUESS_LIMITS, guessingOdds } from "@/lib/pickup-codes/limits";
import { domainErrorOf, expectDomainError } from "@/lib/testing/domain-error";
import { createKiosk, createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, parcelRow } from "@/lib/testing/parcels";

let world: TestWorld;
beforeAll(() => {
  world = createTestWorld();
});
afterAll(() => world.close());

const collect = (kiosk: KioskActor, code: string, phoneLast4: string) => collectParcel(world.ctx(kiosk), { code, phoneLast4 });

/** A code that differs from `code` in its last digit, so it names no parcel of a small site. */
const otherCode = (code: string) => code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);

function attempts(kiosk: KioskActor) {
  const rows = world.db.$client
    .prepare("select outcome, count(*) as count from pickup_attempts where kiosk_id = ? group by outcome")
    .all(kiosk.kioskId) as { outcome: string; count: number }[];
  return Object.fromEntries(rows.map((row) => [row.outcome, row.count]));
}

/** Enters a wrong code at a kiosk and checks it was refused as wrong (not locked out). */
async function enterWrongCode(kiosk: KioskActor) {
  await expectDomainError(() => collect(kiosk, "000000", "0000"), "WRONG_CODE");
}

/** Runs `work` with the clock set to `at`, restoring it afterwards. */
async function withClock<T>(start: number, work: (advanceTo: (offsetMs: number) => void) => Promise<T>): Promise<T> {
  const saved = world.clock.now;
  world.clock.now = start;
  try {
    return await work((offsetMs) => {
      world.clock.now = start + offsetMs;
    });
  } finally {
    world.clock.now = saved;
  }
}

describe("collecting at the kiosk", () => {
  it("the right code with the right phone digits opens the door once; the same code again opens nothing", async () => {
    const station = createStation(world);
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    const opened = world.doors.opened.length;

    const result = await collect(station.kiosk, code, phoneLast4);
    expect(result).toMatchObject({ parcelId: parcel.id, doorOpened: true, slot: { label: parcel.slot!.label } });

    const again = await expectDomainError(() => collect(station.kiosk, code, phoneLast4), "WRONG_CODE");
    expect(again.message).toBe(WRONG_CODE_MESSAGE);
    expect(world.doors.opened.length).toBe(opened + 1);
    expect(attempts(station.kiosk)).toEqual({ opened: 1, wrong: 1 });
  });

  it("the right code with the wrong phone digits gets the same words as a code nobody has", async () => {
    const station = createStation(world);
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    const wrongDigits = String((Number(phoneLast4) + 1) % 10_000).padStart(4, "0");

    const wrongPhone = await expectDomainError(() => collect(station.kiosk, code, wrongDigits), "WRONG_CODE");
    const unknown = await expectDomainError(() => collect(station.kiosk, otherCode(code), phoneLast4), "WRONG_CODE");

    expect(wrongPhone.message).toBe(unknown.message);
    expect(wrongPhone.details).toEqual(unknown.details);
    expect(parcelRow(world.db, parcel.id).state).toBe("deposited");
    expect(attempts(station.kiosk)).toEqual({ wrong: 2 });
  });

  it("accepts the code with stray spaces but refuses a malformed one before counting it", async () => {
    const station = createStation(world);
    const { code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    await expectDomainError(() => collect(station.kiosk, code.slice(1), phoneLast4), "INVALID");
    await expectDomainError(() => collect(station.kiosk, code, "12a4"), "INVALID");
    expect(attempts(station.kiosk)).toEqual({});
    expect((await collect(station.kiosk, ` ${code} `, phoneLast4)).doorOpened).toBe(true);
  });

  it("an expired parcel's code says so and whom to contact, and opens nothing", async () => {
    const station = createStation(world, { holdPeriodHours: 24 });
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    await withClock(parcel.expiresAt!, async () => {
      const opened = world.doors.opened.length;
      for (let i = 0; i < 2; i++) {
        const error = await expectDomainError<ExpiredDetails>(() => collect(station.kiosk, code, phoneLast4), "PARCEL_EXPIRED");
        expect(error.message).not.toBe(WRONG_CODE_MESSAGE);
        expect(error.message).toContain(station.carrier.contactPhone!);
        expect(error.details).toEqual({
          carrierName: station.carrier.name,
          carrierPhone: station.carrier.contactPhone,
          siteName: station.site.name,
        });
      }
      expect(world.doors.opened.length).toBe(opened);
      expect(parcelRow(world.db, parcel.id).state).toBe("expired");
      expect(attempts(station.kiosk)).toEqual({ expired: 2 });
    });
  });

  it("an expired parcel's code with the wrong phone digits is just a wrong code", async () => {
    const station = createStation(world, { holdPeriodHours: 24 });
    const { parcel, code } = await deposit(world, station.courier, station.site.id, { recipientPhone: "13800001234" });
    await withClock(parcel.expiresAt!, async () => {
      await expectDomainError(() => collect(station.kiosk, code, "9999"), "WRONG_CODE");
    });
  });
});

describe("a kiosk that sees wrong codes slows down, then locks", () => {
  it(`after ${GUESS_LIMITS.slowDownAfter} wrong codes the next entry waits ${GUESS_LIMITS.slowDownMs / 1000} s, even the right one`, async () => {
    const station = createStation(world);
    const { code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    await withClock(world.clock.now, async (advanceTo) => {
      for (let i = 0; i < GUESS_LIMITS.slowDownAfter; i++) await enterWrongCode(station.kiosk);

      const slowed = await expectDomainError<LockedOutDetails>(() => collect(station.kiosk, code, phoneLast4), "LOCKED_OUT");
      expect(slowed.details!.retryAfterMs).toBe(GUESS_LIMITS.slowDownMs);
      expect(slowed.message).toMatch(/10 seconds/);

      advanceTo(GUESS_LIMITS.slowDownMs - 1);
      const still = await expectDomainError<LockedOutDetails>(() => collect(station.kiosk, code, phoneLast4), "LOCKED_OUT");
      expect(still.details!.retryAfterMs).toBe(1);

      advanceTo(GUESS_LIMITS.slowDownMs);
      expect((await collect(station.kiosk, code, phoneLast4)).doorOpened).toBe(true);
    });
    expect(attempts(station.kiosk)).toEqual({ wrong: 3, locked_out: 2, opened: 1 });
  });

  it(`after ${GUESS_LIMITS.perKioskWrong} wrong codes it is LOCKED_OUT until the window has passed, then works again`, async () => {
    const station = createStation(world);
    const { code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    const start = world.clock.now;
    await withClock(start, async (advanceTo) => {
      // As fast as the slow-down allows.
      for (let i = 0; i < GUESS_LIMITS.perKioskWrong; i++) {
        advanceTo(i * GUESS_LIMITS.slowDownMs);
        await enterWrongCode(station.kiosk);
      }
      const lastWrong = (GUESS_LIMITS.perKioskWrong - 1) * GUESS_LIMITS.slowDownMs;
      advanceTo(lastWrong + GUESS_LIMITS.slowDownMs);

      const locked = await expectDomainError<LockedOutDetails>(() => collect(station.kiosk, code, phoneLast4), "LOCKED_OUT");
      const retryAfterMs = locked.details!.retryAfterMs;
      // The lock lasts until the first of the wrong entries leaves the window.
      expect(retryAfterMs).toBe(GUESS_LIMITS.perKioskWindowMs - (lastWrong + GUESS_LIMITS.slowDownMs));
      expect(locked.message).toMatch(/minutes/);

      // Another kiosk of the same site is not locked by this one.
      const neighbour = createKiosk(world.db, station.site.id);
      await enterWrongCode(neighbour);

      advanceTo(lastWrong + GUESS_LIMITS.slowDownMs + retryAfterMs - 1);
      await expectDomainError(() => collect(station.kiosk, code, phoneLast4), "LOCKED_OUT");

      advanceTo(lastWrong + GUESS_LIMITS.slowDownMs + retryAfterMs);
      expect((await collect(station.kiosk, code, phoneLast4)).doorOpened).toBe(true);
    });
    expect(attempts(station.kiosk)).toEqual({ wrong: GUESS_LIMITS.perKioskWrong, locked_out: 2, opened: 1 });
  });

  it(`the whole site accepts at most ${GUESS_LIMITS.perSiteWrong} wrong codes per window, however many kiosks it has`, async () => {
    const station = createStation(world);
    const { code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    const kiosksNeeded = Math.ceil(GUESS_LIMITS.perSiteWrong / (GUESS_LIMITS.perKioskWrong - 1));
    const kiosks = Array.from({ length: kiosksNeeded }, () => createKiosk(world.db, station.site.id));
    const start = world.clock.now;
    await withClock(start, async (advanceTo) => {
      // Each kiosk stays below its own lock; together they reach the site's cap.
      let wrong = 0;
      for (let round = 0; wrong < GUESS_LIMITS.perSiteWrong; round++) {
        advanceTo(round * GUESS_LIMITS.slowDownMs);
        for (const kiosk of kiosks) {
          if (wrong === GUESS_LIMITS.perSiteWrong) break;
          await enterWrongCode(kiosk);
          wrong++;
        }
      }

      const fresh = createKiosk(world.db, station.site.id);
      const locked = await expectDomainError<LockedOutDetails>(() => collect(fresh, code, phoneLast4), "LOCKED_OUT");
      expect(locked.details!.retryAfterMs).toBeGreaterThan(GUESS_LIMITS.perSiteWindowMs - 5 * 60_000);
      for (const kiosk of kiosks) await expectDomainError(() => collect(kiosk, code, phoneLast4), "LOCKED_OUT");

      advanceTo(GUESS_LIMITS.perSiteWindowMs);
      expect((await collect(fresh, code, phoneLast4)).doorOpened).toBe(true);
    });
    const total = world.db.$client
      .prepare("select outcome, count(*) as count from pickup_attempts where site_id = ? group by outcome order by outcome")
      .all(station.site.id);
    expect(total).toEqual([
      { outcome: "locked_out", count: kiosks.length + 1 },
      { outcome: "opened", count: 1 },
      { outcome: "wrong", count: GUESS_LIMITS.perSiteWrong },
    ]);
  });

  it("kiosks of another site are not affected by this site's lock", async () => {
    const here = createStation(world);
    const there = createStation(world);
    const { code, phoneLast4 } = await deposit(world, there.courier, there.site.id);
    await withClock(world.clock.now, async (advanceTo) => {
      for (let i = 0; i < GUESS_LIMITS.perKioskWrong; i++) {
        advanceTo(i * GUESS_LIMITS.slowDownMs);
        await enterWrongCode(here.kiosk);
      }
      await expectDomainError(() => collect(here.kiosk, "123456", "1234"), "LOCKED_OUT");
      expect((await collect(there.kiosk, code, phoneLast4)).doorOpened).toBe(true);
    });
  });
});

describe("the security figure (DESIGN.md: under 1 in 1,000 at a full 500-slot site over 72 hours)", () => {
  const LIVE_CODES = 500;
  const HOURS = 72;

  it("the real limits with code + phone digits keep a guesser under 1 in 1,000", () => {
    const odds = guessingOdds(LIVE_CODES, HOURS, GUESS_LIMITS);
    expect(odds.maxGuesses).toBe(Math.floor(((HOURS * 3_600_000) / GUESS_LIMITS.perSiteWindowMs) * GUESS_LIMITS.perSiteWrong));
    expect(odds.space).toBe(10 ** (CODE_DIGITS + PHONE_DIGITS));
    expect(odds.chance).toBeLessThan(1 / 1000);
  });

  it("a bare 6-digit code at the same limits would fail the bar", () => {
    const { maxGuesses } = guessingOdds(LIVE_CODES, HOURS, GUESS_LIMITS);
    const perGuess = LIVE_CODES / 10 ** 6;
    expect(perGuess).toBe(1 / 2000);
    const chance = 1 - Math.pow(1 - perGuess, maxGuesses);
    expect(chance).toBeGreaterThan(1 / 1000);
  });

  it("the figure counts every guess the kiosks really accept: a greedy attacker on ten kiosks gets no more", async () => {
    const station = createStation(world);
    const kiosks = Array.from({ length: 10 }, () => createKiosk(world.db, station.site.id));
    const hours = 3;
    const end = world.clock.now + hours * 3_600_000;
    let accepted = 0;
    await withClock(world.clock.now, async () => {
      while (world.clock.now < end) {
        let soonest = Infinity;
        for (const kiosk of kiosks) {
          const error = await domainErrorOf<LockedOutDetails>(() => collect(kiosk, "000000", "0000"));
          if (error.code === "WRONG_CODE") accepted++;
          else if (error.code === "LOCKED_OUT") soonest = Math.min(soonest, error.details!.retryAfterMs);
          else throw error;
        }
        // Come back the moment some kiosk takes a guess again.
        world.clock.now += soonest === Infinity ? 0 : soonest;
      }
    });
    const budget = guessingOdds(LIVE_CODES, hours, GUESS_LIMITS).maxGuesses;
    expect(accepted).toBeLessThanOrEqual(budget);
    // The attacker does get close to the budget: the figure is not a loose bound on paper only.
    expect(accepted).toBeGreaterThanOrEqual(budget - GUESS_LIMITS.perSiteWrong);
  });
});
