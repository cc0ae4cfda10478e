import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createStation, deposit, recipientPhone, reserve, type Station } from "@/lib/testing/parcels";
import { getParcelDetail } from "@/lib/admin/parcel-detail";
import { exportParcelsCsv } from "@/lib/admin/parcel-search";
import { consentCompliance } from "./compliance";
import { storeConsentPreference } from "./preferences";

let world: TestWorld;
let station: Station;

beforeAll(() => {
  world = createTestWorld();
  station = createStation(world);
});
afterAll(() => world.close());

describe("the admin's view of consent", () => {
  it("counts deposits by source and open questions per site and carrier, with none without consent; the parcel page and CSV say how", async () => {
    const phone = recipientPhone();
    storeConsentPreference(world.ctx({ kind: "system" }), phone, { standing: "allow", exceptions: [], awayUntil: null }, null);
    const standing = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    await deposit(world, station.courier, station.site.id);
    const attested = await deposit(world, station.courier, station.site.id, { consentSource: "phone_attested" } as never);
    const asking = recipientPhone();
    storeConsentPreference(world.ctx({ kind: "system" }), asking, { standing: "ask", exceptions: [], awayUntil: null }, null);
    await expectDomainError(() => reserve(world, station.courier, station.site.id, { recipientPhone: asking }), "CONSENT_REQUIRED");

    const [row] = consentCompliance(world.ctx(station.admin));
    expect(row).toMatchObject({ siteId: station.site.id, deposits: 3, requestsPending: 1, requestsDeclined: 0, withoutConsent: 0 });
    expect(row.bySource).toMatchObject({ standing: 1, operator_default: 1, phone_attested: 1, per_parcel: 0 });

    expect(getParcelDetail(world.ctx(station.admin), String(standing.parcel.id)).consent).toMatchObject({
      source: "standing",
      description: "Recipient's standing preference",
    });
    const detail = getParcelDetail(world.ctx(station.admin), String(attested.parcel.id));
    expect(detail.consent?.description).toMatch(/^Phone call attested by /);

    const csv = exportParcelsCsv(world.ctx(station.admin), {}).csv;
    expect(csv.split("\n")[0]).toContain("Consent");
    expect(csv).toContain("Recipient's standing preference");
    expect(csv).toContain("No preference recorded; the organization's default allowed it");
  });

  it("another organization's admin sees none of it; a courier is refused", async () => {
    const other = createStation(world);
    expect(consentCompliance(world.ctx(other.admin))).toEqual([]);
    await expectDomainError(() => consentCompliance(world.ctx(station.courier)), "FORBIDDEN");
  });
});
