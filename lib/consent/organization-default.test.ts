import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, parcelConsents } from "@/db/schema";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createStation, recipientPhone, reserve, type Station } from "@/lib/testing/parcels";
import type { ConsentRequiredDetails } from "./required";
import { organizationConsentDefault, setOrganizationConsentDefault } from "./organization-default";

let world: TestWorld;
let station: Station;

beforeAll(() => {
  world = createTestWorld();
  station = createStation(world);
});
afterAll(() => world.close());

const audited = () =>
  world.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, station.admin.organizationId!), eq(auditLog.action, "organization.consent_default_set")))
    .all();

describe("the organization's consent default", () => {
  it("is the admin's to set; the next deposit for a recipient with no preference follows it, and the change is audited once", async () => {
    const admin = world.ctx(station.admin);
    expect(organizationConsentDefault(admin)).toBe("allow");
    const allowed = await reserve(world, station.courier, station.site.id, { recipientPhone: recipientPhone() });
    expect(world.db.select().from(parcelConsents).where(eq(parcelConsents.parcelId, allowed.parcel.id)).get()?.source).toBe("operator_default");

    expect(setOrganizationConsentDefault(admin, { consentDefault: "ask" })).toEqual({ consentDefault: "ask", changed: true });
    const asked = await expectDomainError<ConsentRequiredDetails>(
      () => reserve(world, station.courier, station.site.id, { recipientPhone: recipientPhone() }),
      "CONSENT_REQUIRED",
    );
    expect(asked.details).toMatchObject({ outcome: "ask", because: "no_preference" });

    expect(setOrganizationConsentDefault(admin, { consentDefault: "ask" })).toEqual({ consentDefault: "ask", changed: false });
    expect(audited().map((row) => JSON.parse(row.detail ?? "{}"))).toEqual([expect.objectContaining({ from: "allow", to: "ask" })]);
    setOrganizationConsentDefault(admin, { consentDefault: "allow" });
  });

  it("refuses anyone but an admin, and a choice that is not one", async () => {
    await expectDomainError(() => setOrganizationConsentDefault(world.ctx(station.courier), { consentDefault: "allow" }), "FORBIDDEN");
    await expectDomainError(() => setOrganizationConsentDefault(world.ctx(station.admin), { consentDefault: "sometimes" }), "INVALID");
    expect(organizationConsentDefault(world.ctx(station.admin))).toBe("allow");
  });
});
