import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KioskActor } from "@/lib/context";
import { liftKioskSlowDown, kioskGuessingBySite } from "@/lib/kiosk/attempts";
import {
  collectParcel,
  collectParcelByQr,
  QR_OUT_OF_DATE_MESSAGE,
  WRONG_CODE_MESSAGE,
  type ExpiredDetails,
} from "@/lib/parcels/collect";
import { CODE_DIGITS, hashPickupCode, PHONE_DIGITS } from "@/lib/pickup-codes/code";
import { GUESS_LIMITS, guessingOdds, maxWrongPerWindow } from "@/lib/pickup-codes/limits";
import { issuePickupQrToken, QR_TOKEN_TTL_MS } from "@/lib/pickup-codes/qr-token";
import { kioskSlowDown, type LockedOutDetails } from "@/lib/kiosk/slow-down";
import { domainErrorOf, expectDomainError } from "@/lib/testing/domain-error";
import { createAdmin, createCustomer, createKiosk, createTestWorld, pickupCodeOf, type TestWorld } from "@/lib/testing/factories";
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

/** The token the customer's QR would carry for this parcel right now. */
function qrTokenFor(parcelId: number, siteId: number): string {
  return issuePickupQrToken(world.keys, { id: parcelId, pickupCodeHash: hashPickupCode(world.keys, siteId, pickupCodeOf(world, parcelId)) }, world.clock.now);
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

describe("a kiosk that sees wrong codes slows itself down, and nothing closes a site", () => {
  const { freeWrong, firstDelayMs, maxDelayMs } = GUESS_LIMITS;

  it(`after ${freeWrong} wrong codes the next entry waits ${firstDelayMs / 1000} s, even the right one; each further wrong code doubles the wait`, async () => {
    const station = createStation(world);
    const { code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    await withClock(world.clock.now, async (advanceTo) => {
      for (let i = 0; i < freeWrong; i++) await enterWrongCode(station.kiosk);

      const slowed = await expectDomainError<LockedOutDetails>(() => collect(station.kiosk, code, phoneLast4), "LOCKED_OUT");
      expect(slowed.details!.retryAfterMs).toBe(firstDelayMs);
      expect(slowed.message).toMatch(/10 seconds/);
      expect(kioskSlowDown(world.ctx(station.kiosk)).retryAfterMs).toBe(firstDelayMs);

      advanceTo(firstDelayMs - 1);
      const still = await expectDomainError<LockedOutDetails>(() => collect(station.kiosk, code, phoneLast4), "LOCKED_OUT");
      expect(still.details!.retryAfterMs).toBe(1);

      advanceTo(firstDelayMs);
      await enterWrongCode(station.kiosk);
      const doubled = await expectDomainError<LockedOutDetails>(() => collect(station.kiosk, code, phoneLast4), "LOCKED_OUT");
      expect(doubled.details!.retryAfterMs).toBe(2 * firstDelayMs);

      advanceTo(3 * firstDelayMs);
      expect((await collect(station.kiosk, code, phoneLast4)).doorOpened).toBe(true);
    });
    expect(attempts(station.kiosk)).toEqual({ wrong: freeWrong + 1, locked_out: 3, opened: 1 });
  });

  it(`a guesser at a one-kiosk site never makes it wait more than ${maxDelayMs / 60_000} minutes, however long they keep at it`, async () => {
    const station = createStation(world);
    const { code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    await withClock(world.clock.now, async () => {
      const end = world.clock.now + 3 * 3_600_000;
      let longest = 0;
      while (world.clock.now < end) {
        const error = await domainErrorOf<LockedOutDetails>(() => collect(station.kiosk, "000000", "0000"));
        if (error.code === "LOCKED_OUT") {
          longest = Math.max(longest, error.details!.retryAfterMs);
          world.clock.now += error.details!.retryAfterMs;
        } else expect(error.code).toBe("WRONG_CODE");
      }
      expect(longest).toBe(maxDelayMs);
      // The customer who comes next waits at most that long, then their code opens the door.
      const wait = kioskSlowDown(world.ctx(station.kiosk)).retryAfterMs;
      expect(wait).toBeLessThanOrEqual(maxDelayMs);
      world.clock.now += wait;
      expect((await collect(station.kiosk, code, phoneLast4)).doorOpened).toBe(true);
    });
  });

  it("wrong codes at many kiosks of a site slow only those kiosks: another kiosk takes the right code at once", async () => {
    const station = createStation(world);
    const { code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    const guessed = Array.from({ length: 8 }, () => createKiosk(world.db, station.site.id));
    await withClock(world.clock.now, async (advanceTo) => {
      // Far more wrong codes than the old site-wide lock allowed (30 an hour).
      for (let round = 0; round < 6; round++) {
        advanceTo(round * firstDelayMs * 2 ** (round + 1));
        for (const kiosk of guessed) await domainErrorOf(() => collect(kiosk, "000000", "0000"));
      }
      for (const kiosk of guessed) await expectDomainError(() => collect(kiosk, code, phoneLast4), "LOCKED_OUT");
      expect((await collect(station.kiosk, code, phoneLast4)).doorOpened).toBe(true);
    });
  });

  it("kiosks of another site are not affected either", async () => {
    const here = createStation(world);
    const there = createStation(world);
    const { code, phoneLast4 } = await deposit(world, there.courier, there.site.id);
    await withClock(world.clock.now, async () => {
      for (let i = 0; i < freeWrong; i++) await enterWrongCode(here.kiosk);
      await expectDomainError(() => collect(here.kiosk, "123456", "1234"), "LOCKED_OUT");
      expect((await collect(there.kiosk, code, phoneLast4)).doorOpened).toBe(true);
    });
  });

  it(`wrong codes older than the window (${GUESS_LIMITS.windowMs / 60_000} minutes) no longer count`, async () => {
    const station = createStation(world);
    await withClock(world.clock.now, async (advanceTo) => {
      for (let i = 0; i < freeWrong; i++) await enterWrongCode(station.kiosk);
      advanceTo(GUESS_LIMITS.windowMs);
      // The window is over: the free tries are back.
      for (let i = 0; i < freeWrong; i++) await enterWrongCode(station.kiosk);
    });
  });
});

describe("the customer's QR is a signed token, never slowed down", () => {
  it("opens the door at a kiosk a guesser has slowed down, and counts for nothing", async () => {
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    await withClock(world.clock.now, async () => {
      const token = qrTokenFor(parcel.id, station.site.id);
      for (let i = 0; i < GUESS_LIMITS.freeWrong; i++) await enterWrongCode(station.kiosk);
      await expectDomainError(() => collect(station.kiosk, "000000", "0000"), "LOCKED_OUT");
      const opened = await collectParcelByQr(world.ctx(station.kiosk), { qrToken: token });
      expect(opened).toMatchObject({ parcelId: parcel.id, doorOpened: true });
      expect(parcelRow(world.db, parcel.id).state).toBe("collected");
      // Shown again once collected: it says it is out of date, and the kiosk's count is unchanged.
      const again = await expectDomainError(() => collectParcelByQr(world.ctx(station.kiosk), { qrToken: token }), "WRONG_CODE");
      expect(again.message).toBe(QR_OUT_OF_DATE_MESSAGE);
    });
    expect(attempts(station.kiosk)).toEqual({ wrong: GUESS_LIMITS.freeWrong + 1, locked_out: 1, opened: 1 });
    // The stale QR is on record against its parcel, and not among the guesses.
    expect(kioskSlowDown(world.ctx(station.kiosk)).retryAfterMs).toBeGreaterThan(0);
  });

  it(`works for ${QR_TOKEN_TTL_MS / 60_000} minutes, then says it is out of date and opens nothing`, async () => {
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    await withClock(world.clock.now, async (advanceTo) => {
      const token = qrTokenFor(parcel.id, station.site.id);
      advanceTo(QR_TOKEN_TTL_MS);
      const stale = await expectDomainError(() => collectParcelByQr(world.ctx(station.kiosk), { qrToken: token }), "WRONG_CODE");
      expect(stale.message).toBe(QR_OUT_OF_DATE_MESSAGE);
      expect(parcelRow(world.db, parcel.id).state).toBe("deposited");
      // A fresh one, shown a moment later, opens the door.
      expect((await collectParcelByQr(world.ctx(station.kiosk), { qrToken: qrTokenFor(parcel.id, station.site.id) })).doorOpened).toBe(true);
    });
  });

  it("a token we did not sign — forged, for another parcel's code, or another site's — is a wrong code and is counted", async () => {
    const station = createStation(world);
    const elsewhere = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const { parcel: farAway } = await deposit(world, elsewhere.courier, elsewhere.site.id);
    const good = qrTokenFor(parcel.id, station.site.id);
    const forged = good.slice(0, -1) + (good.endsWith("0") ? "1" : "0");
    const otherKey = issuePickupQrToken({ ...world.keys, hmacKey: Buffer.alloc(32, 7) }, { id: parcel.id, pickupCodeHash: hashPickupCode(world.keys, station.site.id, pickupCodeOf(world, parcel.id)) }, world.clock.now);
    const kiosk = world.ctx(station.kiosk);
    for (const token of [forged, otherKey, qrTokenFor(farAway.id, elsewhere.site.id)]) {
      const error = await expectDomainError(() => collectParcelByQr(kiosk, { qrToken: token }), "WRONG_CODE");
      expect(error.message).toBe(WRONG_CODE_MESSAGE);
    }
    await expectDomainError(() => collectParcelByQr(kiosk, { qrToken: "x".repeat(200) }), "INVALID");
    expect(attempts(station.kiosk)).toEqual({ wrong: 3 });
    // Counted like typed codes: the kiosk is now slowed down for them too.
    await expectDomainError(() => collectParcelByQr(kiosk, { qrToken: forged }), "LOCKED_OUT");
    expect(parcelRow(world.db, parcel.id).state).toBe("deposited");
  });
});

describe("an admin sees the wrong codes per site and lifts a kiosk's slow-down", () => {
  it("lists each site's kiosks with their counts; a lift is audited and the kiosk takes the next code at once", async () => {
    const station = createStation(world);
    const { code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    const admin = world.ctx(createAdmin(world.db, station.organizationId));
    await withClock(world.clock.now, async () => {
      for (let i = 0; i < GUESS_LIMITS.freeWrong; i++) await enterWrongCode(station.kiosk);
      await expectDomainError(() => collect(station.kiosk, code, phoneLast4), "LOCKED_OUT");

      const [site] = kioskGuessingBySite(admin).filter((s) => s.siteId === station.site.id);
      expect(site).toMatchObject({ siteName: station.site.name, wrong: GUESS_LIMITS.freeWrong, refused: 1 });
      expect(site.kiosks).toEqual([
        expect.objectContaining({ kioskId: station.kiosk.kioskId, wrong: GUESS_LIMITS.freeWrong, refused: 1, slowedForMs: GUESS_LIMITS.firstDelayMs }),
      ]);

      expect(liftKioskSlowDown(admin, { kioskId: station.kiosk.kioskId })).toMatchObject({ siteId: station.site.id });
      expect(kioskSlowDown(world.ctx(station.kiosk)).retryAfterMs).toBe(0);
      const audit = world.db.$client
        .prepare("select action, detail from audit_log where action = 'site.kiosk_slowdown_lifted' order by id desc limit 1")
        .get() as { action: string; detail: string };
      expect(JSON.parse(audit.detail)).toMatchObject({ siteId: station.site.id, secondsLeft: GUESS_LIMITS.firstDelayMs / 1000 });
      expect((await collect(station.kiosk, code, phoneLast4)).doorOpened).toBe(true);
    });
  });

  it("another organization's admin sees none of it and cannot lift it; a customer cannot either", async () => {
    const station = createStation(world);
    await enterWrongCode(station.kiosk);
    const stranger = world.ctx(createAdmin(world.db, createStation(world).organizationId));
    expect(kioskGuessingBySite(stranger).some((s) => s.siteId === station.site.id)).toBe(false);
    await expectDomainError(() => liftKioskSlowDown(stranger, { kioskId: station.kiosk.kioskId }), "NOT_FOUND");
    const customer = world.ctx(createCustomer(world.db, "13900009999"));
    await expectDomainError(() => liftKioskSlowDown(customer, { kioskId: station.kiosk.kioskId }), "FORBIDDEN");
    await expectDomainError(() => kioskGuessingBySite(customer), "FORBIDDEN");
  });
});

describe("the security figure (DESIGN.md: under 1 in 1,000 at a full 500-slot site over 72 hours)", () => {
  const SLOTS = 500;
  // Every door's recipient's code, and a trusted person's code for every one (lib/trusted).
  const LIVE_CODES = 2 * SLOTS;
  const HOURS = 72;

  it("the real limits, at the most kiosks a site may have, keep a guesser under 1 in 1,000 with two codes per door", () => {
    const odds = guessingOdds(LIVE_CODES, HOURS, GUESS_LIMITS);
    const windows = Math.ceil((HOURS * 3_600_000) / GUESS_LIMITS.windowMs);
    expect(odds.perKiosk).toBe(windows * maxWrongPerWindow(GUESS_LIMITS));
    expect(odds.maxGuesses).toBe(odds.perKiosk * GUESS_LIMITS.maxKiosksPerSite);
    expect(odds.space).toBe(10 ** (CODE_DIGITS + PHONE_DIGITS));
    expect(odds.chance).toBeLessThan(1 / 1000);
    // The figures decision 0001 quotes.
    expect([maxWrongPerWindow(GUESS_LIMITS), odds.perKiosk, odds.maxGuesses]).toEqual([18, 1296, 9_072]);
    expect(Math.round(1 / odds.chance)).toBe(1103);
    // Ten kiosks, the cap before trusted persons, would not hold with a second code per door.
    expect(guessingOdds(LIVE_CODES, HOURS, { ...GUESS_LIMITS, maxKiosksPerSite: 10 }).chance).toBeGreaterThan(1 / 1000);
  });

  it("a bare 6-digit code at the same limits would fail the bar", () => {
    const { maxGuesses } = guessingOdds(LIVE_CODES, HOURS, GUESS_LIMITS);
    const perGuess = SLOTS / 10 ** 6;
    const chance = 1 - Math.pow(1 - perGuess, maxGuesses);
    expect(chance).toBeGreaterThan(1 / 1000);
  });

  it("the per-window figure is what a kiosk really accepts: a greedy guesser gets exactly that many in its first window", async () => {
    const station = createStation(world);
    const kiosk = createKiosk(world.db, station.site.id);
    const start = world.clock.now;
    let accepted = 0;
    await withClock(start, async () => {
      while (world.clock.now < start + GUESS_LIMITS.windowMs) {
        const error = await domainErrorOf<LockedOutDetails>(() => collect(kiosk, "000000", "0000"));
        if (error.code === "WRONG_CODE") accepted++;
        else world.clock.now += error.details!.retryAfterMs;
      }
    });
    expect(accepted).toBe(maxWrongPerWindow(GUESS_LIMITS));
  });

  it("a greedy attacker at every kiosk a site may have gets no more than the figure counts", async () => {
    const station = createStation(world);
    const kiosks = Array.from({ length: GUESS_LIMITS.maxKiosksPerSite }, () => createKiosk(world.db, station.site.id));
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
        world.clock.now += soonest === Infinity ? 0 : soonest;
      }
    });
    const { perKiosk } = guessingOdds(LIVE_CODES, hours, GUESS_LIMITS);
    expect(accepted).toBeLessThanOrEqual(perKiosk * kiosks.length);
    // Greedy settles at one guess per longest wait after the first window: the bound is not loose on paper only.
    const steady = maxWrongPerWindow(GUESS_LIMITS) + ((hours - 1) * 3_600_000) / GUESS_LIMITS.maxDelayMs;
    expect(accepted).toBeGreaterThanOrEqual(steady * kiosks.length - kiosks.length);
  });
});
