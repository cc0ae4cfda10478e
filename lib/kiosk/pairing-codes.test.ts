import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { auditLog, kioskPairingRequests } from "@/db/schema";
import { collectParcel } from "@/lib/parcels/collect";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createAdmin, createOrganization, createTestWorld, pickupCodeOf } from "@/lib/testing/factories";
import { createStation, deposit } from "@/lib/testing/parcels";
import { kioskScreen, listSiteKiosks, unpairKiosk } from "./devices";
import {
  claimPairingCode,
  formatPairingCode,
  PAIRING_CODE_TTL_MS,
  PAIRING_IDLE_MS,
  PAIRING_REQUESTS_PER_ADDRESS,
  PAIRING_REQUESTS_PER_SITE,
  requesterKey,
  pendingScreenPairing,
  pruneExpiredPairings,
  startScreenPairing,
} from "./pairing-codes";

const world = createTestWorld();
afterAll(() => world.close());
const screenAt = (code: string, token: string | undefined) => kioskScreen(world.db, code, token, world.clock.now);
let addresses = 0;
/** A screen asking for a code, each from an address of its own unless told. */
const start = (siteId: number, address = `198.51.100.${++addresses}`) =>
  startScreenPairing(world.db, siteId, world.clock.now, requesterKey(world.keys, address));

describe("pairing a screen by the code it shows", () => {
  test("the screen's token opens nothing until an admin types its code; then it collects as that kiosk", async () => {
    const station = createStation(world);
    const admin = world.ctx(createAdmin(world.db, station.organizationId));
    const shown = start(station.site.id);
    expect(shown.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(shown.expiresAt).toBe(world.clock.now + PAIRING_CODE_TTL_MS);
    expect(screenAt(station.site.code, shown.token)?.kiosk).toBeNull();
    expect(pendingScreenPairing(world.db, station.site.id, shown.token, world.clock.now)).toEqual({ code: shown.code, expiresAt: shown.expiresAt });

    // Typed the way people type: lower case, with the dash the screen shows, spaces.
    const typed = ` ${formatPairingCode(shown.code).toLowerCase()} `;
    const paired = claimPairingCode(admin, { siteId: station.site.id, kioskId: station.kiosk.kioskId, pairingCode: typed });
    expect(paired).toEqual({ siteId: station.site.id, kioskName: expect.any(String) });

    const screen = screenAt(station.site.code, shown.token)!;
    expect(screen.kiosk).toEqual(station.kiosk);
    expect(pendingScreenPairing(world.db, station.site.id, shown.token, world.clock.now)).toBeNull();
    const parcel = await deposit(world, station.courier, station.site.id);
    const collected = await collectParcel(world.ctx(screen.kiosk!), { code: pickupCodeOf(world, parcel.parcel.id), phoneLast4: parcel.parcel.recipientPhone.slice(-4) });
    expect(collected.parcelId).toBe(parcel.parcel.id);

    const audit = world.db.select().from(auditLog).where(eq(auditLog.subject, `site:${station.site.id}`)).all().at(-1)!;
    expect(audit.action).toBe("site.kiosk_paired");
    expect(JSON.parse(audit.detail!)).toMatchObject({ code: formatPairingCode(shown.code) });

    // A code is used once: the screen holds the kiosk token, the code is gone.
    await expectDomainError(() => claimPairingCode(admin, { siteId: station.site.id, pairingCode: shown.code }), "INVALID");
  });

  test("without a kiosk the screen becomes a new one, listed with its paired screen; unpairing shuts it out", () => {
    const station = createStation(world);
    const admin = world.ctx(createAdmin(world.db, station.organizationId));
    const shown = start(station.site.id);
    const { kioskName } = claimPairingCode(admin, { siteId: station.site.id, kioskId: "", pairingCode: shown.code });
    const kiosk = listSiteKiosks(admin, station.site.id).find((k) => k.name === kioskName)!;
    expect(kiosk).toMatchObject({ pairedScreens: 1 });
    expect(screenAt(station.site.code, shown.token)?.kiosk?.kioskId).toBe(kiosk.id);
    unpairKiosk(admin, { siteId: station.site.id, kioskId: kiosk.id });
    expect(screenAt(station.site.code, shown.token)?.kiosk).toBeNull();
  });

  test("a mistyped, expired or other site's code is refused on the code field, and nothing is paired", async () => {
    const station = createStation(world);
    const elsewhere = createStation(world, { organizationId: station.organizationId });
    const admin = world.ctx(createAdmin(world.db, station.organizationId));
    const kiosksBefore = listSiteKiosks(admin, station.site.id).length;

    const short = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(
      () => claimPairingCode(admin, { siteId: station.site.id, pairingCode: "K7MQ" }),
      "INVALID",
    );
    expect(short.details?.fieldErrors.pairingCode).toEqual(["The code on the screen has 8 letters and digits."]);

    const atOtherSite = start(elsewhere.site.id);
    const wrongSite = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(
      () => claimPairingCode(admin, { siteId: station.site.id, kioskId: "", pairingCode: atOtherSite.code }),
      "INVALID",
    );
    expect(wrongSite.details?.fieldErrors.pairingCode?.[0]).toContain(`No screen at ${station.site.name} shows that code`);
    expect(screenAt(elsewhere.site.code, atOtherSite.token)?.kiosk).toBeNull();

    const late = start(station.site.id);
    world.clock.now += PAIRING_CODE_TTL_MS;
    expect(pendingScreenPairing(world.db, station.site.id, late.token, world.clock.now)).toBeNull();
    await expectDomainError(() => claimPairingCode(admin, { siteId: station.site.id, kioskId: "", pairingCode: late.code }), "INVALID");
    expect(screenAt(station.site.code, late.token)?.kiosk).toBeNull();
    expect(listSiteKiosks(admin, station.site.id)).toHaveLength(kiosksBefore);
  });

  test("only an admin of the site's organization may type a code", async () => {
    const station = createStation(world);
    const shown = start(station.site.id);
    const stranger = world.ctx(createAdmin(world.db, createOrganization(world.db, "Elsewhere").id));
    await expectDomainError(() => claimPairingCode(stranger, { siteId: station.site.id, pairingCode: shown.code }), "NOT_FOUND");
    await expectDomainError(() => claimPairingCode(world.ctx(station.courier), { siteId: station.site.id, pairingCode: shown.code }), "FORBIDDEN");
    const other = createStation(world, { organizationId: station.organizationId });
    const admin = world.ctx(createAdmin(world.db, station.organizationId));
    await expectDomainError(() => claimPairingCode(admin, { siteId: station.site.id, kioskId: other.kiosk.kioskId, pairingCode: shown.code }), "NOT_FOUND");
    // Refusals leave the code waiting for the right admin.
    expect(pendingScreenPairing(world.db, station.site.id, shown.token, world.clock.now)?.code).toBe(shown.code);
  });

  test("a public page cannot fill the table: a site holds a bounded number of waiting screens, and old codes go", async () => {
    const station = createStation(world);
    for (let i = 0; i < PAIRING_REQUESTS_PER_SITE; i++) start(station.site.id);
    const full = await expectDomainError(() => start(station.site.id), "CONFLICT");
    expect(full.message).toContain("Too many screens are waiting to be paired here");
    // Another site is not affected.
    expect(start(createStation(world).site.id).code).toHaveLength(8);

    world.clock.now += PAIRING_CODE_TTL_MS;
    expect(start(station.site.id).code).toHaveLength(8);
    world.clock.now += PAIRING_CODE_TTL_MS;
    expect(pruneExpiredPairings(world.db, world.clock.now)).toBeGreaterThan(0);
    expect(world.db.select().from(kioskPairingRequests).where(eq(kioskPairingRequests.siteId, station.site.id)).all()).toEqual([]);
  });

  test("a request nobody keeps showing lapses in two minutes; a screen that keeps polling keeps its code for the full ten", async () => {
    const station = createStation(world);
    const admin = world.ctx(createAdmin(world.db, station.organizationId));
    const abandoned = start(station.site.id);
    const shown = start(station.site.id);
    const started = world.clock.now;
    try {
      // The real screen re-reads its page every few seconds; the scripted one never comes back.
      for (let at = 0; at < PAIRING_CODE_TTL_MS; at += 60_000) {
        world.clock.now = started + at;
        expect(pendingScreenPairing(world.db, station.site.id, shown.token, world.clock.now)).toEqual({ code: shown.code, expiresAt: shown.expiresAt });
      }
      expect(pendingScreenPairing(world.db, station.site.id, abandoned.token, world.clock.now)).toBeNull();
      await expectDomainError(() => claimPairingCode(admin, { siteId: station.site.id, pairingCode: abandoned.code }), "INVALID");
      expect(pruneExpiredPairings(world.db, world.clock.now)).toBeGreaterThanOrEqual(1);

      // Polling never stretches a code past its ten minutes.
      world.clock.now = started + PAIRING_CODE_TTL_MS - 1;
      expect(pendingScreenPairing(world.db, station.site.id, shown.token, world.clock.now)?.code).toBe(shown.code);
      world.clock.now = started + PAIRING_CODE_TTL_MS;
      expect(pendingScreenPairing(world.db, station.site.id, shown.token, world.clock.now)).toBeNull();
    } finally {
      world.clock.now = started;
    }
  });

  test(`one address keeps at most ${PAIRING_REQUESTS_PER_ADDRESS} screens waiting, over all sites; the site stays open to the next real screen`, async () => {
    const station = createStation(world);
    const other = createStation(world);
    const started = world.clock.now;
    try {
      for (let i = 0; i < PAIRING_REQUESTS_PER_ADDRESS; i++) start(i % 2 ? other.site.id : station.site.id, "203.0.113.9");
      const refused = await expectDomainError(() => start(station.site.id, "203.0.113.9"), "CONFLICT");
      expect(refused.message).toContain("already waiting to be paired");
      expect(start(station.site.id, "203.0.113.10").code).toHaveLength(8);
      // Once its requests lapse, the address may ask again.
      world.clock.now += PAIRING_IDLE_MS;
      expect(start(station.site.id, "203.0.113.9").code).toHaveLength(8);
    } finally {
      world.clock.now = started;
    }
  });
});
