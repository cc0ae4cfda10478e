import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { slots } from "@/db/schema";
import { collectParcel, WRONG_CODE_MESSAGE } from "@/lib/parcels/collect";
import { CODE_DIGITS as SCHEME_CODE_DIGITS, PHONE_DIGITS as SCHEME_PHONE_DIGITS } from "@/lib/pickup-codes/code";
import { GUESS_LIMITS } from "@/lib/pickup-codes/limits";
import { domainErrorOf, expectDomainError } from "@/lib/testing/domain-error";
import { createAdmin, createCustomer, createTestWorld } from "@/lib/testing/factories";
import { createStation, deposit, reserve } from "@/lib/testing/parcels";
import { findKioskSite, siteDoorGrid } from "./door-grid";
import { kioskErrorState } from "./errors";
import { CODE_DIGITS, parsePickupQr, PHONE_DIGITS, pickupQrPayload } from "./qr-payload";

const world = createTestWorld();
afterAll(() => world.close());
const anonymous = () => world.ctx({ kind: "anonymous" });

describe("the kiosk's site and door grid", () => {
  test("a site code (any case) finds the site; an unknown code finds nothing", () => {
    const station = createStation(world);
    expect(findKioskSite(world.db, station.site.code.toLowerCase())).toMatchObject({ id: station.site.id, code: station.site.code, name: station.site.name });
    expect(findKioskSite(world.db, "NO-SUCH-SITE")).toBeNull();
  });

  test("shows each door in service or out of service, and nothing about any parcel: not even which doors are full", async () => {
    const station = createStation(world);
    const waiting = await deposit(world, station.courier, station.site.id);
    const reserved = await reserve(world, station.courier, station.site.id);
    const broken = world.db.select().from(slots).where(eq(slots.lockerId, station.locker.id)).all().at(-1)!;
    world.db.update(slots).set({ inService: false, outOfServiceReason: "hinge" }).where(eq(slots.id, broken.id)).run();

    const [locker] = siteDoorGrid(world.ctx(station.kiosk), station.site.id);
    expect(locker).toMatchObject({ code: station.locker.code, rows: station.locker.rows, columns: station.locker.columns });
    const byLabel = Object.fromEntries(locker.doors.map((door) => [door.label, door.state]));
    // A passer-by reads nothing of what the doors hold: a full door looks like an empty one.
    expect(byLabel[waiting.parcel.slot!.label]).toBe("in_service");
    expect(byLabel[reserved.parcel.slot!.label]).toBe("in_service");
    expect(byLabel[broken.label]).toBe("out_of_service");
    expect(Object.values(byLabel).filter((state) => state === "in_service")).toHaveLength(locker.doors.length - 1);
    // A public screen: no tracking numbers, phones, carriers or parcel ids anywhere.
    const shown = JSON.stringify(locker);
    expect(shown).not.toContain(waiting.parcel.trackingNumber);
    expect(shown).not.toContain(waiting.parcel.recipientPhone);
    expect(Object.keys(locker.doors[0]).sort()).toEqual(["column", "label", "row", "size", "state"]);
  });
  test("only the site's own paired kiosk reads its door grid; anyone else finds no such site", async () => {
    const station = createStation(world);
    const elsewhere = createStation(world, { organizationId: station.organizationId });
    expect(siteDoorGrid(world.ctx(station.kiosk), station.site.id).map((locker) => locker.code)).toEqual([station.locker.code]);
    for (const ctx of [
      anonymous(),
      world.ctx({ kind: "system" }),
      world.ctx(elsewhere.kiosk),
      world.ctx(station.courier),
      world.ctx(createAdmin(world.db, station.organizationId)),
      world.ctx(createCustomer(world.db, "13800119001")),
    ]) {
      const error = await expectDomainError(() => siteDoorGrid(ctx, station.site.id), "NOT_FOUND");
      expect(error.message).toBe("That site was not found.");
    }
  });
});

describe("the pickup QR", () => {
  test("holds the site and the signed token, and reads back the same, whatever the scanner did to its case", () => {
    const token = "2x.mhd1k2q0.9f86d081884c7d659a2feaa0c55ad015";
    const payload = pickupQrPayload({ siteCode: "ZJG-N", token });
    expect(payload).toBe(`PLK2:ZJG-N:${token}`);
    expect(parsePickupQr(` ${payload.toUpperCase()}\n`)).toEqual({ kind: "token", siteCode: "ZJG-N", token });
  });

  test("a first-version QR (code and phone digits) still reads, as a typed code", () => {
    expect(parsePickupQr("plk1:ZJG-N:048213:0001")).toEqual({ kind: "code", siteCode: "ZJG-N", code: "048213", phoneLast4: "0001" });
  });

  test("anything else is not a pickup QR", () => {
    for (const text of [
      "",
      "PLK1:ZJG-N:04821:0001",
      "PLK1:ZJG-N:048213:001",
      "PLK2:ZJG-N:048213:0001",
      "PLK2:ZJG-N:2x.mhd1k2q0.9f86d081",
      "https://example.com",
      "PLK1:ZJG-N:048213:0001:extra",
    ]) {
      expect(parsePickupQr(text)).toBeNull();
    }
  });

  test("uses the code scheme's lengths", () => {
    expect([CODE_DIGITS, PHONE_DIGITS]).toEqual([SCHEME_CODE_DIGITS, SCHEME_PHONE_DIGITS]);
  });
});

describe("what the kiosk screen is told", () => {
  test("a wrong code, a locked kiosk and an expired parcel each map to their own screen, never echoing the entry", async () => {
    const station = createStation(world);
    const kiosk = world.ctx(station.kiosk);
    const { code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    const wrong = kioskErrorState(await domainErrorOf(() => collectParcel(kiosk, { code, phoneLast4: "9999" })));
    expect(wrong).toMatchObject({ status: "wrong", message: WRONG_CODE_MESSAGE });
    expect(JSON.stringify(wrong)).not.toContain(code);

    for (let i = 1; i < GUESS_LIMITS.freeWrong; i++) await domainErrorOf(() => collectParcel(kiosk, { code, phoneLast4: "9999" }));
    const locked = kioskErrorState(await domainErrorOf(() => collectParcel(kiosk, { code, phoneLast4 })));
    expect(locked).toMatchObject({ status: "locked", retryAfterMs: GUESS_LIMITS.firstDelayMs });

    const invalid = kioskErrorState(await domainErrorOf(() => collectParcel(kiosk, { code: "12", phoneLast4 })));
    expect(invalid).toMatchObject({ status: "invalid", fieldErrors: { code: ["The pickup code has 6 digits."] } });
  });

  test("anything unexpected becomes an apology, not the error", () => {
    const original = console.error;
    console.error = () => {};
    try {
      expect(kioskErrorState(new Error("SQLITE_BUSY: database is locked"))).toMatchObject({
        status: "error",
        message: "Something went wrong on our side. No door was opened; please try again.",
      });
    } finally {
      console.error = original;
    }
  });
});
