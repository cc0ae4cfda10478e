import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { apiTokens, organizations, sites } from "@/db/schema";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createTestWorld } from "@/lib/testing/factories";
import { createStation } from "@/lib/testing/parcels";
import { kioskLocale, kioskSiteCodeLocale, kioskSiteLocale } from "./locale";

const world = createTestWorld();
afterAll(() => world.close());

function pairedScreen() {
  const station = createStation(world);
  const { token } = createApiToken(world.ctx(station.admin), { scope: "kiosk", name: "Screen by the door", kioskId: station.kiosk.kioskId });
  return { station, token };
}

describe("a kiosk's language", () => {
  test("the customer's choice for this visit wins over the site's default", () => {
    expect(kioskLocale({ chosen: "en", siteDefault: "zh-CN" })).toBe("en");
    expect(kioskLocale({ chosen: "zh-CN", siteDefault: "en" })).toBe("zh-CN");
  });

  test("without a choice (a new visit), the site's default; nothing we speak falls to Chinese", () => {
    expect(kioskLocale({ chosen: null, siteDefault: "en" })).toBe("en");
    expect(kioskLocale({ siteDefault: "zh-CN" })).toBe("zh-CN");
    expect(kioskLocale({ chosen: "fr", siteDefault: "de" })).toBe("zh-CN");
    expect(kioskLocale({})).toBe("zh-CN");
  });

  test("a paired screen's default is its site's, else its organization's", () => {
    const { station, token } = pairedScreen();
    world.db.update(organizations).set({ defaultLocale: "en" }).where(eq(organizations.id, station.organizationId)).run();
    expect(kioskSiteLocale(token, world.db)).toBe("en");
    world.db.update(sites).set({ defaultLocale: "zh-CN" }).where(eq(sites.id, station.site.id)).run();
    expect(kioskSiteLocale(token, world.db)).toBe("zh-CN");
  });

  test("a browser that is no kiosk (unknown or revoked token) gets no kiosk language", () => {
    const { station, token } = pairedScreen();
    expect(kioskSiteLocale("plk_not-a-token", world.db)).toBeNull();
    world.db.update(apiTokens).set({ revokedAt: world.clock.now }).where(eq(apiTokens.kioskId, station.kiosk.kioskId)).run();
    expect(kioskSiteLocale(token, world.db)).toBeNull();
  });

  test("a screen unpaired since its page loaded still speaks its site's language, read from the address's site code", () => {
    const { station, token } = pairedScreen();
    world.db.update(sites).set({ defaultLocale: "zh-CN" }).where(eq(sites.id, station.site.id)).run();
    world.db.update(apiTokens).set({ revokedAt: world.clock.now }).where(eq(apiTokens.kioskId, station.kiosk.kioskId)).run();
    expect(kioskSiteLocale(token, world.db)).toBeNull();
    expect(kioskSiteCodeLocale(station.site.code.toLowerCase(), world.db)).toBe("zh-CN");
    world.db.update(sites).set({ defaultLocale: null }).where(eq(sites.id, station.site.id)).run();
    world.db.update(organizations).set({ defaultLocale: "en" }).where(eq(organizations.id, station.organizationId)).run();
    expect(kioskSiteCodeLocale(station.site.code, world.db)).toBe("en");
    expect(kioskSiteCodeLocale("NO-SUCH-SITE", world.db)).toBeNull();
  });
});
