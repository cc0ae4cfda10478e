import { afterAll, describe, expect, test } from "vitest";
import { collectParcel } from "@/lib/parcels/collect";
import { expectDomainError } from "@/lib/testing/domain-error";
import { GUESS_LIMITS } from "@/lib/pickup-codes/limits";
import { createAdmin, createOrganization, createTestWorld, pickupCodeOf } from "@/lib/testing/factories";
import { createStation, deposit } from "@/lib/testing/parcels";
import { kioskScreen, listSiteKiosks, pairKioskScreen, unpairKiosk } from "./devices";

const world = createTestWorld();
afterAll(() => world.close());
const screenAt = (code: string, token: string | undefined) => kioskScreen(world.db, code, token, world.clock.now);

describe("kiosk screens", () => {
  test("an unpaired screen knows its site but acts as no kiosk; an unknown site is null", () => {
    const station = createStation(world);
    expect(screenAt(station.site.code, undefined)).toMatchObject({ site: { id: station.site.id }, kiosk: null });
    expect(screenAt(station.site.code, "plk_made-up-token")?.kiosk).toBeNull();
    expect(screenAt("NO-SUCH-SITE", undefined)).toBeNull();
  });

  test("a screen paired by the site's admin collects parcels as its kiosk, only at its own site", async () => {
    const station = createStation(world);
    const elsewhere = createStation(world, { organizationId: station.organizationId });
    const admin = world.ctx(createAdmin(world.db, station.organizationId));
    const { token, siteCode } = pairKioskScreen(admin, { siteId: station.site.id, kioskId: station.kiosk.kioskId });
    expect(siteCode).toBe(station.site.code);

    const screen = screenAt(station.site.code.toLowerCase(), token)!;
    expect(screen.kiosk).toEqual(station.kiosk);
    expect(screenAt(elsewhere.site.code, token)?.kiosk).toBeNull();

    const parcel = await deposit(world, station.courier, station.site.id);
    const collected = await collectParcel(world.ctx(screen.kiosk!), { code: pickupCodeOf(world, parcel.parcel.id), phoneLast4: parcel.parcel.recipientPhone.slice(-4) });
    expect(collected.parcelId).toBe(parcel.parcel.id);
  });

  test("pairing without a kiosk adds the next one; the list counts paired screens", () => {
    const station = createStation(world);
    const admin = world.ctx(createAdmin(world.db, station.organizationId));
    const first = pairKioskScreen(admin, { siteId: station.site.id, kioskId: "" });
    const second = pairKioskScreen(admin, { siteId: station.site.id });
    expect([first.kioskName, second.kioskName]).toEqual([expect.stringMatching(/^Kiosk \d+$/), expect.stringMatching(/^Kiosk \d+$/)]);
    expect(first.kioskName).not.toBe(second.kioskName);
    const kiosks = listSiteKiosks(admin, station.site.id);
    expect(kiosks).toHaveLength(3);
    expect(kiosks.filter((k) => k.pairedScreens === 1).map((k) => k.name).sort()).toEqual([first.kioskName, second.kioskName].sort());
  });

  test(`a site has at most ${GUESS_LIMITS.maxKiosksPerSite} kiosks (the guessing bound counts on it); a screen may still pair as one of them`, async () => {
    const station = createStation(world);
    const admin = world.ctx(createAdmin(world.db, station.organizationId));
    // The station has its first kiosk already.
    for (let n = 1; n < GUESS_LIMITS.maxKiosksPerSite; n++) pairKioskScreen(admin, { siteId: station.site.id });
    expect(listSiteKiosks(admin, station.site.id)).toHaveLength(GUESS_LIMITS.maxKiosksPerSite);
    const refused = await expectDomainError(() => pairKioskScreen(admin, { siteId: station.site.id }), "CONFLICT");
    expect(refused.message).toMatch(new RegExp(`at most ${GUESS_LIMITS.maxKiosksPerSite} kiosks`));
    expect(listSiteKiosks(admin, station.site.id)).toHaveLength(GUESS_LIMITS.maxKiosksPerSite);
    expect(pairKioskScreen(admin, { siteId: station.site.id, kioskId: station.kiosk.kioskId }).token).toBeTruthy();
  });

  test("unpairing revokes every screen of the kiosk at once", () => {
    const station = createStation(world);
    const admin = world.ctx(createAdmin(world.db, station.organizationId));
    const one = pairKioskScreen(admin, { siteId: station.site.id, kioskId: station.kiosk.kioskId });
    const two = pairKioskScreen(admin, { siteId: station.site.id, kioskId: station.kiosk.kioskId });
    expect(unpairKiosk(admin, { siteId: station.site.id, kioskId: station.kiosk.kioskId }).revoked).toBe(2);
    expect(screenAt(station.site.code, one.token)?.kiosk).toBeNull();
    expect(screenAt(station.site.code, two.token)?.kiosk).toBeNull();
    expect(unpairKiosk(admin, { siteId: station.site.id, kioskId: station.kiosk.kioskId }).revoked).toBe(0);
  });

  test("only admins of the site's organization pair or unpair, and another organization's kiosk looks absent", async () => {
    const station = createStation(world);
    const stranger = world.ctx(createAdmin(world.db, createOrganization(world.db, "Elsewhere").id));
    await expectDomainError(() => pairKioskScreen(stranger, { siteId: station.site.id }), "NOT_FOUND");
    await expectDomainError(() => unpairKiosk(stranger, { siteId: station.site.id, kioskId: station.kiosk.kioskId }), "NOT_FOUND");
    await expectDomainError(() => listSiteKiosks(stranger, station.site.id), "NOT_FOUND");
    await expectDomainError(() => pairKioskScreen(world.ctx(station.courier), { siteId: station.site.id }), "FORBIDDEN");
    const other = createStation(world, { organizationId: station.organizationId });
    const admin = world.ctx(createAdmin(world.db, station.organizationId));
    await expectDomainError(() => pairKioskScreen(admin, { siteId: station.site.id, kioskId: other.kiosk.kioskId }), "NOT_FOUND");
  });
});

