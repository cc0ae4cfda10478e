import Ajv2020 from "ajv/dist/2020";
import Database from "better-sqlite3";
import addFormats from "ajv-formats";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { courierSites, parcels, reachNeeds, sites, slots, users } from "@/db/schema";
import { walCommits } from "@/db/wal";
import { customerShipments } from "@/lib/outbound/customer";
import { confirmDropOff, startDropOff } from "@/lib/outbound/drop-off";
import { setCarrierOutbound } from "@/lib/outbound/settings";
import { issuePickupQrToken } from "@/lib/pickup-codes/qr-token";
import { layoutByRow } from "@/lib/sites/layout";
import * as f from "@/lib/testing/factories";
import { handleApiRequest, type ApiServices } from "./handler";
import { openApiDocument } from "./openapi";
import { API_ROUTES, matchPath } from "./routes";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";

const world = f.createTestWorld();
afterAll(() => world.close());

let services: ApiServices;
let siteId: number;
let otherSiteId: number;
let carrierToken: string;
let otherCarrierToken: string;
let kioskToken: string;
let adminCtx: ReturnType<typeof world.ctx>;
let courierActor: ReturnType<typeof f.createCourier>;

beforeAll(() => {
  const org = f.createOrganization(world.db);
  const site = f.createSite(world.db, org.id, { name: "North" });
  const other = f.createSite(world.db, org.id, { name: "South", latitude: 30.27 });
  siteId = site.id;
  otherSiteId = other.id;
  // Roomy: the tests below share this site and leave many parcels in it.
  f.createLocker(world.db, site.id, layoutByRow(["S", "S", "M", "M", "L", "XL"], 16), "A");
  f.createLocker(world.db, other.id, layoutByRow(["M", "L"], 2), "A");
  const carrier = f.createCarrier(world.db, "Alpha Express");
  const otherCarrier = f.createCarrier(world.db, "Beta Express");
  const courier = f.createCourier(world.db, carrier.id, [site.id, other.id]);
  const otherCourier = f.createCourier(world.db, otherCarrier.id, [site.id]);
  courierActor = courier;
  const kiosk = f.createKiosk(world.db, site.id);
  adminCtx = world.ctx(f.createAdmin(world.db, org.id));
  carrierToken = createApiToken(adminCtx, { scope: "carrier", name: "Alpha handheld", courierId: courier.userId }).token;
  otherCarrierToken = createApiToken(adminCtx, { scope: "carrier", name: "Beta system", courierId: otherCourier.userId }).token;
  kioskToken = createApiToken(adminCtx, { scope: "kiosk", name: "North kiosk", kioskId: kiosk.kioskId }).token;
  services = { db: world.db, now: () => world.clock.now, doors: world.doors, keys: world.keys, rateLimitPerMinute: 10_000 };
});

/*
 * Every answer below, whatever the test, is checked against the OpenAPI document by an
 * independent validator (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it): its status
 * must be documented for that route and method, and its body must match that status's
 * schema. The document is the one clients read, so a body that drifts from it fails here.
 */
const document = openApiDocument();
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
// The document's own schema objects are validated in place (JSON pointers into it).
ajv.addVocabulary(["openapi", "info", "servers", "paths", "components", "securitySchemes"]);
ajv.addSchema(document, "openapi.json");
const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
/** Each route's documented statuses that a real answer matched, for the coverage check at the end. */
const validated = new Map<string, Set<number>>(API_ROUTES.map((route) => [`${route.method} ${route.path}`, new Set<number>()]));

function expectDocumented(method: string, path: string, status: number, body: unknown) {
  const route = API_ROUTES.find((candidate) => candidate.method === method && matchPath(candidate.path, path));
  let schemaRef = "openapi.json#/components/schemas/Error"; // no such route or method: an error
  if (route) {
    const responses = (document.paths[route.path][method.toLowerCase()] as { responses: Record<string, unknown> }).responses;
    expect(Object.keys(responses), `${method} ${route.path} documents status ${status}`).toContain(String(status));
    schemaRef = `openapi.json#/${pointer("paths", route.path, method.toLowerCase(), "responses", String(status), "content", "application/json", "schema")}`;
    validated.get(`${route.method} ${route.path}`)!.add(status);
  } else {
    expect(status).toBeGreaterThanOrEqual(400);
  }
  const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `${method} ${path} → ${status} matches the document`).toEqual([]);
}

let keySerial = 0;
async function call(
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; key?: string | null; rawBody?: string; services?: ApiServices; acceptLanguage?: string } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.acceptLanguage) headers["accept-language"] = options.acceptLanguage;
  const token = options.token === undefined ? carrierToken : options.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const key = options.key === undefined ? `key-${++keySerial}` : options.key;
  if (method === "POST" && key) headers["idempotency-key"] = key;
  const body = options.rawBody ?? (options.body === undefined ? "" : JSON.stringify(options.body));
  const [pathname, search = ""] = path.split("?");
  const response = await handleApiRequest(options.services ?? services, {
    method,
    path: pathname,
    query: new URLSearchParams(search),
    header: (name) => headers[name],
    body,
  });
  const parsed: unknown = JSON.parse(response.body);
  expectDocumented(method, pathname, response.status, parsed);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the bodies the document describes
  return { status: response.status, body: parsed as any, headers: response.headers };
}

const newParcel = (size = "M") => ({ siteId, trackingNumber: f.trackingNumber(), size, recipientPhone: "13800001234" });

describe("authentication and scope", () => {
  test("no token, an unknown token and a revoked token are all 401", async () => {
    expect((await call("GET", "/sites", { token: null })).status).toBe(401);
    expect((await call("GET", "/sites", { token: "plk_not-a-real-token" })).status).toBe(401);
    const { token, view } = createApiToken(adminCtx, { scope: "kiosk", name: "Old kiosk", kioskId: f.createKiosk(world.db, siteId).kioskId });
    revokeApiToken(adminCtx, view.id);
    const revoked = await call("POST", "/kiosk/collections", { token, body: { code: "123456", phoneLast4: "1234" } });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("UNAUTHENTICATED");
  });

  test("revoking a token in use, or deactivating its courier, refuses its very next request", async () => {
    const courier = f.createCourier(world.db, courierActor.carrierId!, [siteId]);
    const { token, view } = createApiToken(adminCtx, { scope: "carrier", name: "Spare handheld", courierId: courier.userId });
    expect((await call("GET", "/sites", { token })).status).toBe(200);
    const setActive = (active: boolean) => world.db.update(users).set({ active }).where(eq(users.id, courier.userId)).run();
    setActive(false);
    expect((await call("GET", "/sites", { token })).status).toBe(401);
    setActive(true);
    expect((await call("GET", "/sites", { token })).status).toBe(200);
    revokeApiToken(adminCtx, view.id);
    expect((await call("GET", "/sites", { token })).status).toBe(401);
  });

  test("a kiosk token cannot deposit and a carrier token cannot collect", async () => {
    const wrongForKiosk = await call("POST", "/parcels", { token: kioskToken, body: newParcel() });
    expect(wrongForKiosk.status).toBe(403);
    const wrongForCarrier = await call("POST", "/kiosk/collections", { body: { code: "123456", phoneLast4: "1234" } });
    expect(wrongForCarrier.status).toBe(403);
  });

  test("tokens are stored hashed: the database never holds one", () => {
    const dump = JSON.stringify(world.db.$client.prepare("select * from api_tokens").all());
    expect(dump).not.toContain(carrierToken);
    expect(dump).not.toContain(kioskToken.slice(10));
  });

  test("an admin of another organization cannot issue a token for this organization's courier or kiosk", () => {
    const otherAdmin = world.ctx(f.createAdmin(world.db, f.createOrganization(world.db, "Elsewhere").id));
    const courierId = world.db.$client.prepare("select courier_id as id from api_tokens where scope = 'carrier' limit 1").get() as { id: number };
    expect(() => createApiToken(otherAdmin, { scope: "carrier", name: "Stolen", courierId: courierId.id })).toThrow(/not found/);
  });
});

describe("the deposit journey over the API", () => {
  test("sites, assign, deposit, then status by tracking number", async () => {
    const list = await call("GET", "/sites");
    expect(list.status).toBe(200);
    expect(list.body.sites.map((s: { name: string }) => s.name).sort()).toEqual(["North", "South"]);

    const input = newParcel("S");
    const reserved = await call("POST", "/parcels", { body: input });
    expect(reserved.status).toBe(201);
    expect(reserved.body.parcel.state).toBe("reserved");
    expect(reserved.body.parcel.slot.size).toBe("S");
    expect(reserved.body.doorOpened).toBe(true);

    const deposited = await call("POST", `/parcels/${reserved.body.parcel.id}/deposit`);
    expect(deposited.status).toBe(200);
    expect(deposited.body.parcel.state).toBe("deposited");
    expect(JSON.stringify(deposited.body)).not.toMatch(/pickupCode|cipher|hash/i);

    const status = await call("GET", `/parcels?trackingNumber=${input.trackingNumber}`);
    expect(status.status).toBe(200);
    expect(status.body.parcel.state).toBe("deposited");
    expect(status.body.entries.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(["reserved", "deposited"]));

    const foreign = await call("GET", `/parcels?trackingNumber=${input.trackingNumber}`, { token: otherCarrierToken });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toBe("That parcel was not found.");
    const inChinese = await call("GET", `/parcels?trackingNumber=${input.trackingNumber}`, { token: otherCarrierToken, acceptLanguage: "zh-CN,zh;q=0.9" });
    expect(inChinese.body.error).toEqual({ code: "NOT_FOUND", message: "没有找到这个包裹。" });
  });

  test("field errors come back in the language of Accept-Language, under the same stable code", async () => {
    const refused = await call("POST", "/parcels/announcements", { body: { trackingNumber: "" }, acceptLanguage: "zh-CN" });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("INVALID");
    expect(refused.body.error.message).toBe("有几项填写需要再检查一下。");
    // The schema's own words per field, too (lib/validation.ts), not zod's English.
    expect(Object.values(refused.body.error.details.fieldErrors as Record<string, string[]>).flat().join(" ")).not.toMatch(/[A-Za-z]{3}/);
  });

  test("the API's own refusals (no route, no token) are worded in the language of Accept-Language too", async () => {
    const noRoute = await call("GET", "/nowhere", { acceptLanguage: "zh-CN" });
    expect(noRoute.body.error).toEqual({ code: "NO_ROUTE", message: "没有这个接口：GET /api/v1/nowhere" });
    // A parameter that is not valid percent-encoding names no route either (it was a 500).
    const malformed = await call("GET", "/sites/%ZZ/forecast");
    expect(malformed.status).toBe(404);
    expect(malformed.body.error.code).toBe("NO_ROUTE");
    const noToken = await call("GET", `/sites/${siteId}/forecast`, { token: null });
    expect(noToken.body.error.message).toBe("Send a valid API token: Authorization: Bearer plk_…");
  });

  test("a served site's forecast: 48 hours per door size, with when it is likely full", async () => {
    const forecast = await call("GET", `/sites/${siteId}/forecast`);
    expect(forecast.status).toBe(200);
    expect(forecast.body.siteId).toBe(siteId);
    expect(forecast.body.sizes.map((s: { size: string }) => s.size)).toEqual(["S", "M", "L", "XL"]);
    const medium = forecast.body.sizes.find((s: { size: string }) => s.size === "M");
    expect(medium.doors).toBe(32);
    expect(medium.hours).toHaveLength(49);
    expect(medium.hours[0]).toMatchObject({ at: world.clock.now, mean: medium.occupiedNow });
    expect(forecast.body.likelyFullBy).toBeNull();
    // Nothing about recipients or parcels, only counts.
    expect(JSON.stringify(forecast.body)).not.toMatch(/phone|tracking|recipient/i);
  });

  test("announce, then assign picks up the announced parcel", async () => {
    const input = newParcel("L");
    const announced = await call("POST", "/parcels/announcements", { body: input });
    expect(announced.status).toBe(201);
    expect(announced.body.parcel.state).toBe("announced");
    const reserved = await call("POST", "/parcels", { body: input });
    expect(reserved.body.parcel.id).toBe(announced.body.parcel.id);
    expect(reserved.body.parcel.state).toBe("reserved");
  });

  test("slot fault and does-not-fit move the parcel to another door; cancel frees it", async () => {
    const reserved = await call("POST", "/parcels", { body: newParcel("S") });
    const id = reserved.body.parcel.id;
    const firstDoor = reserved.body.parcel.slot.label;
    const fault = await call("POST", `/parcels/${id}/slot-fault`, { body: { reason: "Door jammed" } });
    expect(fault.status).toBe(200);
    expect(fault.body.parcel.slot.label).not.toBe(firstDoor);
    const broken = world.db.select().from(slots).where(eq(slots.id, reserved.body.parcel.slot.id)).get()!;
    expect(broken.inService).toBe(false);

    const bigger = await call("POST", `/parcels/${id}/does-not-fit`);
    expect(bigger.status).toBe(200);
    expect(["M", "L"]).toContain(bigger.body.parcel.slot.size);

    const cancelled = await call("POST", `/parcels/${id}/cancel`, { body: { reason: "Wrong parcel" } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.parcel.state).toBe("cancelled");

    const again = await call("POST", `/parcels/${id}/deposit`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("INVALID_TRANSITION");
  });

  test("a slot fault with no door left answers 409 SITE_FULL with the sites that have room; the cancellation is kept, and a retry replays it", async () => {
    // The verb returns the cancellation as its result; the route words it as a full site.
    const organizationId = world.db.select().from(sites).where(eq(sites.id, siteId)).get()!.organizationId;
    const tiny = f.createSite(world.db, organizationId, { name: "Tiny", latitude: 30.28 });
    f.createLocker(world.db, tiny.id, layoutByRow(["XL"], 1), "T");
    world.db.insert(courierSites).values({ userId: courierActor.userId, siteId: tiny.id }).run();
    const reserved = await call("POST", "/parcels", { body: { ...newParcel("XL"), siteId: tiny.id } });
    expect(reserved.status).toBe(201);
    const id = reserved.body.parcel.id;

    const fault = await call("POST", `/parcels/${id}/slot-fault`, { body: { reason: "Door jammed" }, key: "full-fault-key" });
    expect(fault.status).toBe(409);
    expect(fault.body.error).toMatchObject({ code: "SITE_FULL", details: { size: "XL" } });
    expect(fault.body.error.details.alternatives.map((site: { siteId: number }) => site.siteId)).toContain(siteId);
    expect(world.db.select().from(parcels).where(eq(parcels.id, id)).get()!.state).toBe("cancelled");
    expect(world.db.select().from(slots).where(eq(slots.id, reserved.body.parcel.slot.id)).get()!.inService).toBe(false);

    const again = await call("POST", `/parcels/${id}/slot-fault`, { body: { reason: "Door jammed" }, key: "full-fault-key" });
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again).toMatchObject({ status: 409, body: fault.body });
  });

  test("a recipient who needs a door within reach gets one in the band, or 409 NO_DOOR_WITHIN_REACH, never SITE_FULL", async () => {
    const organizationId = world.db.select().from(sites).where(eq(sites.id, siteId)).get()!.organizationId;
    // Two rows of one door: the top one's floor at 520 mm (in the band), the bottom one's at 100 mm.
    const low = f.createSite(world.db, organizationId, { name: "Low", latitude: 30.29 });
    f.createLocker(world.db, low.id, layoutByRow(["L", "L"], 1), "R");
    world.db.insert(courierSites).values({ userId: courierActor.userId, siteId: low.id }).run();
    const phone = "13800005678";
    world.db.insert(reachNeeds).values({ phone, updatedAt: world.clock.now }).run();

    const reserved = await call("POST", "/parcels", { body: { ...newParcel("L"), siteId: low.id, recipientPhone: phone } });
    expect(reserved.status).toBe(201);
    expect(reserved.body.parcel).toMatchObject({ withinReach: true, slot: { row: 1 } });

    const refused = await call("POST", "/parcels", { body: { ...newParcel("L"), siteId: low.id, recipientPhone: phone } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "NO_DOOR_WITHIN_REACH", details: { size: "L", withinReachMm: { low: 380, high: 1220 } } });
    // Nearby sites with a free L door or larger in the band, their counts in the band only.
    expect(Array.isArray(refused.body.error.details.alternatives)).toBe(true);
    for (const site of refused.body.error.details.alternatives) expect(site.free.L + site.free.XL).toBeGreaterThan(0);

    // Anyone else still gets the low door.
    const other = await call("POST", "/parcels", { body: { ...newParcel("L"), siteId: low.id } });
    expect(other.status).toBe(201);
    expect(other.body.parcel).toMatchObject({ withinReach: false, slot: { row: 2 } });

    // The in-band door jams: no other door of the band is left, and the reassignment says so as the reservation did.
    const fault = await call("POST", `/parcels/${reserved.body.parcel.id}/slot-fault`, { body: { reason: "Door jammed" } });
    expect(fault.status).toBe(409);
    expect(fault.body.error).toMatchObject({ code: "NO_DOOR_WITHIN_REACH", details: { size: "L", withinReachMm: { low: 380, high: 1220 }, alternatives: expect.any(Array) } });
  });

  test("take back an expired parcel", async () => {
    const reserved = await call("POST", "/parcels", { body: newParcel("M") });
    await call("POST", `/parcels/${reserved.body.parcel.id}/deposit`);
    const early = await call("POST", `/parcels/${reserved.body.parcel.id}/take-back`);
    expect(early.status).toBe(409);
    world.clock.now += 73 * 3_600_000;
    try {
      const taken = await call("POST", `/parcels/${reserved.body.parcel.id}/take-back`);
      expect(taken.status).toBe(200);
      expect(taken.body).toMatchObject({ doorOpened: true, parcel: { state: "expired" } });
      const foreign = await call("POST", `/parcels/${reserved.body.parcel.id}/take-back/confirm`, { token: otherCarrierToken });
      expect(foreign.status).toBe(404);
      const confirmed = await call("POST", `/parcels/${reserved.body.parcel.id}/take-back/confirm`);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ replayed: false, parcel: { state: "returned" } });
      const again = await call("POST", `/parcels/${reserved.body.parcel.id}/take-back/confirm`);
      expect(again.body).toMatchObject({ replayed: true, parcel: { state: "returned" } });
    } finally {
      world.clock.now -= 73 * 3_600_000;
    }
  });
});

describe("consent before a locker (issue 16)", () => {
  test("a recipient who wants to be asked: 409 CONSENT_REQUIRED with a request to poll, texted at once; on yes the same POST gets a door", async () => {
    const { storeConsentPreference } = await import("@/lib/consent/preferences");
    const { answerConsentByToken } = await import("@/lib/parcels/consent-requests");
    const { issueConsentToken } = await import("@/lib/notifications/consent-token");
    const phone = "13800005555";
    storeConsentPreference(world.ctx({ kind: "system" }), phone, { standing: "ask", exceptions: [], awayUntil: null }, null);
    const input = { ...newParcel("S"), recipientPhone: phone };
    const refused = await call("POST", "/parcels", { body: input });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "CONSENT_REQUIRED", details: { status: "pending", outcome: "ask", sent: true } });
    const requestId = refused.body.error.details.requestId as number;

    const pending = await call("GET", `/consent-requests/${requestId}`);
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ id: requestId, status: "pending", parcel: { state: "announced", trackingNumber: input.trackingNumber } });
    expect((await call("GET", `/consent-requests/${requestId}`, { token: otherCarrierToken })).status).toBe(404);

    const request = world.db.$client.prepare("select id, expires_at as expiresAt, recipient_phone as recipientPhone from consent_requests where id = ?").get(requestId) as {
      id: number;
      expiresAt: number;
      recipientPhone: string;
    };
    answerConsentByToken(world.ctx({ kind: "anonymous" }), { token: issueConsentToken(world.keys, request), answer: "locker" });
    expect((await call("GET", `/consent-requests/${requestId}`)).body.status).toBe("granted");

    const reserved = await call("POST", "/parcels", { body: input });
    expect(reserved.status).toBe(201);
    expect(reserved.body.parcel).toMatchObject({ id: pending.body.parcel.id, state: "reserved" });
  });

  test("consent the carrier already holds goes through with its reference; without one it is INVALID", async () => {
    const { storeConsentPreference } = await import("@/lib/consent/preferences");
    const phone = "13800006666";
    storeConsentPreference(world.ctx({ kind: "system" }), phone, { standing: "refuse", exceptions: [], awayUntil: null }, null);
    const missing = await call("POST", "/parcels", { body: { ...newParcel("S"), recipientPhone: phone, consentSource: "carrier_supplied" } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.fieldErrors.consentReference).toBeDefined();
    const held = await call("POST", "/parcels", {
      body: { ...newParcel("S"), recipientPhone: phone, consentSource: "carrier_supplied", consentReference: "checkout-7781" },
    });
    expect(held.status).toBe(201);
    const consent = world.db.$client.prepare("select source, reference from parcel_consents where parcel_id = ?").get(held.body.parcel.id);
    expect(consent).toEqual({ source: "carrier_supplied", reference: "checkout-7781" });
  });
});

describe("kiosk collection", () => {
  test("the right code opens the door once; wrong codes get one answer", async () => {
    const reserved = await call("POST", "/parcels", { body: newParcel("M") });
    await call("POST", `/parcels/${reserved.body.parcel.id}/deposit`);
    const code = f.pickupCodeOf(world, reserved.body.parcel.id);
    const opened = await call("POST", "/kiosk/collections", { token: kioskToken, body: { code, phoneLast4: "1234" } });
    expect(opened.status).toBe(200);
    expect(opened.body.slot.label).toBe(reserved.body.parcel.slot.label);
    const reused = await call("POST", "/kiosk/collections", { token: kioskToken, body: { code, phoneLast4: "1234" } });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("WRONG_CODE");
    const state = world.db.select({ state: parcels.state }).from(parcels).where(eq(parcels.id, reserved.body.parcel.id)).get();
    expect(state?.state).toBe("collected");
  });

  test("the customer's QR token opens the door once; a forged one is a wrong code", async () => {
    const reserved = await call("POST", "/parcels", { body: newParcel("M") });
    await call("POST", `/parcels/${reserved.body.parcel.id}/deposit`);
    const row = world.db.select({ id: parcels.id, pickupCodeHash: parcels.pickupCodeHash }).from(parcels).where(eq(parcels.id, reserved.body.parcel.id)).get()!;
    const qrToken = issuePickupQrToken(world.keys, { id: row.id, pickupCodeHash: row.pickupCodeHash! }, world.clock.now);
    const forged = await call("POST", "/kiosk/collections/qr", { token: kioskToken, body: { qrToken: `${qrToken.slice(0, -4)}0000` } });
    expect(forged.status).toBe(422);
    expect(forged.body.error.code).toBe("WRONG_CODE");
    const opened = await call("POST", "/kiosk/collections/qr", { token: kioskToken, body: { qrToken } });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ parcelId: row.id, doorOpened: true, slot: { label: reserved.body.parcel.slot.label } });
    const reused = await call("POST", "/kiosk/collections/qr", { token: kioskToken, body: { qrToken } });
    expect(reused.status).toBe(422);
  });
});

describe("a door that did not open at the kiosk", () => {
  test("is tried again over the API, then refused once it opened", async () => {
    const reserved = await call("POST", "/parcels", { body: newParcel("M") });
    await call("POST", `/parcels/${reserved.body.parcel.id}/deposit`);
    const code = f.pickupCodeOf(world, reserved.body.parcel.id);
    world.doors.failNext = 1;
    const collected = await call("POST", "/kiosk/collections", { token: kioskToken, body: { code, phoneLast4: "1234" } });
    expect(collected.status).toBe(200);
    expect(collected.body.doorOpened).toBe(false);
    const retried = await call("POST", `/kiosk/collections/${collected.body.parcelId}/door`, { token: kioskToken });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ doorOpened: true, canRetry: false, slot: { label: reserved.body.parcel.slot.label } });
    const again = await call("POST", `/kiosk/collections/${collected.body.parcelId}/door`, { token: kioskToken });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("NOT_FOUND");
  });
});

describe("a door that did not open at a take-back", () => {
  test("is tried again over the API by the carrier, then refused once it opened", async () => {
    const reserved = await call("POST", "/parcels", { body: newParcel("M") });
    await call("POST", `/parcels/${reserved.body.parcel.id}/deposit`);
    world.clock.now += 73 * 3_600_000;
    try {
      world.doors.failNext = 1;
      const taken = await call("POST", `/parcels/${reserved.body.parcel.id}/take-back`);
      expect(taken.body).toMatchObject({ doorOpened: false, parcel: { state: "expired" } });
      const early = await call("POST", `/parcels/${reserved.body.parcel.id}/take-back/confirm`);
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe("INVALID_TRANSITION");
      const retried = await call("POST", `/parcels/${reserved.body.parcel.id}/take-back/door`);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ doorOpened: true, canRetry: false, slot: { label: reserved.body.parcel.slot.label } });
      const again = await call("POST", `/parcels/${reserved.body.parcel.id}/take-back/door`);
      expect(again.status).toBe(404);
      expect(again.body.error.code).toBe("NOT_FOUND");
    } finally {
      world.doors.failNext = 0;
      world.clock.now -= 73 * 3_600_000;
    }
  });
});

describe("bad requests are 4xx with a stable code, never 500", () => {
  test("bad input, bad JSON, unknown routes and methods", async () => {
    const invalid = await call("POST", "/parcels", { body: { siteId, trackingNumber: "x", size: "XXL", recipientPhone: "abc" } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe("INVALID");
    expect(Object.keys(invalid.body.error.details.fieldErrors).sort()).toEqual(["recipientPhone", "size", "trackingNumber"]);
    expect((await call("POST", "/parcels", { rawBody: "{not json" })).body.error.code).toBe("BAD_REQUEST");
    expect((await call("POST", "/parcels", { rawBody: "[1,2]" })).status).toBe(400);
    expect((await call("GET", "/nothing-here")).status).toBe(404);
    expect((await call("POST", "/sites")).status).toBe(405);
    expect((await call("POST", "/parcels/abc/deposit")).status).toBe(422);
    expect((await call("POST", "/parcels/999999/deposit")).status).toBe(404);
  });

  test("another carrier's parcel looks absent", async () => {
    const reserved = await call("POST", "/parcels", { body: newParcel("M") });
    const foreign = await call("POST", `/parcels/${reserved.body.parcel.id}/deposit`, { token: otherCarrierToken });
    expect(foreign.status).toBe(404);
    const notServed = await call("POST", "/parcels", { token: otherCarrierToken, body: { ...newParcel(), siteId: otherSiteId } });
    expect(notServed.status).toBe(404);
  });
});

describe("refused reads exactly as unknown: same status, code and message, side by side", () => {
  const UNKNOWN_ID = 999_999;
  const answerOf = (response: Awaited<ReturnType<typeof call>>) => ({ status: response.status, body: response.body });

  test("a site the courier does not serve and a site that does not exist", async () => {
    for (const path of ["/parcels", "/parcels/announcements"]) {
      const refused = await call("POST", path, { token: otherCarrierToken, body: { ...newParcel(), siteId: otherSiteId } });
      const unknown = await call("POST", path, { token: otherCarrierToken, body: { ...newParcel(), siteId: UNKNOWN_ID } });
      expect(refused.status).toBe(404);
      expect(answerOf(refused)).toEqual(answerOf(unknown));
    }
  });

  test("the forecast of a site the courier does not serve and of a site that does not exist", async () => {
    const refused = await call("GET", `/sites/${otherSiteId}/forecast`, { token: otherCarrierToken });
    const unknown = await call("GET", `/sites/${UNKNOWN_ID}/forecast`, { token: otherCarrierToken });
    expect(refused.status).toBe(404);
    expect(answerOf(refused)).toEqual(answerOf(unknown));
    const kiosk = await call("GET", `/sites/${siteId}/forecast`, { token: kioskToken });
    expect(kiosk.status).toBe(403);
  });

  test("another carrier's live tracking number and one nobody uses, looked up", async () => {
    const live = newParcel("S");
    await call("POST", "/parcels", { body: live });
    const refused = await call("GET", `/parcels?trackingNumber=${live.trackingNumber}`, { token: otherCarrierToken });
    const unknown = await call("GET", `/parcels?trackingNumber=${f.trackingNumber()}`, { token: otherCarrierToken });
    expect(refused.status).toBe(404);
    expect(answerOf(refused)).toEqual(answerOf(unknown));
  });

  test("another carrier's live tracking number reads as the courier's own number live elsewhere", async () => {
    // Both must be refused (invariant 4 and its cross-carrier rule); neither may say whose parcel it is.
    const live = newParcel("S");
    await call("POST", "/parcels", { body: live });
    for (const path of ["/parcels", "/parcels/announcements"]) {
      const othersNumber = await call("POST", path, { token: otherCarrierToken, body: { ...live, size: "M" } });
      const ownElsewhere = await call("POST", path, { body: { ...live, siteId: otherSiteId } });
      expect(othersNumber.status).toBe(409);
      expect(othersNumber.body.error).toEqual(ownElsewhere.body.error);
      expect(othersNumber.body.error.message).not.toMatch(/carrier/i);
    }
  });

  test.each(API_ROUTES.filter((route) => route.path.includes("{parcelId}")).map((route) => [route.path, route] as const))(
    "POST %s: another carrier's (or another site's) parcel and a parcel that does not exist",
    async (_name, route) => {
      const theirs = await call("POST", "/parcels", { token: otherCarrierToken, body: newParcel("S") });
      expect(theirs.status).toBe(201);
      const token = route.scope === "kiosk" ? kioskToken : carrierToken;
      // A kiosk's stranger is a parcel of another site.
      const foreignId = route.scope === "kiosk" ? (await call("POST", "/parcels", { body: { ...newParcel("M"), siteId: otherSiteId } })).body.parcel.id : theirs.body.parcel.id;
      const body = route.body ? { reason: "Hinge broken" } : undefined;
      const refused = await call(route.method, route.path.replace("{parcelId}", String(foreignId)), { token, body });
      const unknown = await call(route.method, route.path.replace("{parcelId}", String(UNKNOWN_ID)), { token, body });
      expect(refused.status).toBe(404);
      expect(answerOf(refused)).toEqual(answerOf(unknown));
    },
  );
});

describe("Idempotency-Key", () => {
  test("every write needs one", async () => {
    const response = await call("POST", "/parcels", { body: newParcel(), key: null });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("IDEMPOTENCY_KEY_REQUIRED");
  });

  test("the same key returns the first response and makes no second parcel", async () => {
    const body = newParcel("S");
    const first = await call("POST", "/parcels", { body, key: "same-key-1" });
    const before = world.db.select().from(parcels).all().length;
    const second = await call("POST", "/parcels", { body, key: "same-key-1" });
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(world.db.select().from(parcels).all().length).toBe(before);
  });

  test("errors are replayed too, even after the cause went away", async () => {
    const body = { ...newParcel(), siteId: 999_999 };
    const first = await call("POST", "/parcels", { body, key: "error-key" });
    expect(first.status).toBe(404);
    const second = await call("POST", "/parcels", { body, key: "error-key" });
    expect(second.status).toBe(404);
    expect(second.body).toEqual(first.body);
  });

  test("a key reused for a different request is refused", async () => {
    await call("POST", "/parcels", { body: newParcel(), key: "reused-key" });
    const other = await call("POST", "/parcels", { body: newParcel(), key: "reused-key" });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  test("the same JSON with other whitespace or key order is the same request: replayed, not refused", async () => {
    const body = newParcel("S");
    const first = await call("POST", "/parcels", { rawBody: JSON.stringify(body), key: "reformatted-key" });
    expect(first.status).toBe(201);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    for (const rawBody of [JSON.stringify(body, null, 2), JSON.stringify(reordered), ` ${JSON.stringify(reordered, null, "\t")}\n`]) {
      const retry = await call("POST", "/parcels", { rawBody, key: "reformatted-key" });
      expect(retry.status).toBe(201);
      expect(retry.headers["idempotent-replayed"]).toBe("true");
      expect(retry.body).toEqual(first.body);
    }
    const changed = await call("POST", "/parcels", { rawBody: JSON.stringify({ ...body, size: "M" }), key: "reformatted-key" });
    expect(changed.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  test("keys belong to their token: another token's same key is a new request", async () => {
    const mine = await call("POST", "/parcels", { body: newParcel(), key: "shared-key" });
    const theirs = await call("POST", "/parcels", { token: otherCarrierToken, body: newParcel(), key: "shared-key" });
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.parcel.id).not.toBe(mine.body.parcel.id);
  });
});

describe("group commit (decision 0017)", () => {
  const parcelCount = (client: { prepare(sql: string): { get(): unknown } }) => (client.prepare("select count(*) as n from parcels").get() as { n: number }).n;

  test("writes sent together share commits, and a door opens only for what is on disk", async () => {
    const onDisk = new Database(world.file, { readonly: true });
    // Commits are counted off the WAL, with checkpoints held off meanwhile.
    world.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    world.db.$client.pragma("wal_autocheckpoint = 0");
    const onDiskAtOpen: boolean[] = [];
    const doors: ApiServices["doors"] = {
      open: async (door) => {
        onDiskAtOpen.push(parcelCount(onDisk) === parcelCount(world.db.$client));
        await world.doors.open(door);
      },
    };
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => call("POST", "/parcels", { body: newParcel("S"), services: { ...services, doors } })));
      expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
      // Each answered parcel is on disk, for a server restarted right after the answers.
      for (const answer of answers) expect(onDisk.prepare("select state from parcels where id = ?").get(answer.body.parcel.id)).toEqual({ state: "reserved" });
      expect(onDiskAtOpen).toEqual(Array(6).fill(true));
      // Alone, each would commit twice (its effect, then its stored answer): 12.
      expect(walCommits(world.file)).toBeLessThanOrEqual(4);
    } finally {
      world.db.$client.pragma("wal_autocheckpoint = 1000");
      onDisk.close();
    }
  });
});

describe("every endpoint", () => {
  const tokenFor = (scope: "carrier" | "kiosk") => (scope === "kiosk" ? kioskToken : carrierToken);
  const concretePath = (route: (typeof API_ROUTES)[number], parcelId: number) =>
    route.path.replace("{parcelId}", String(parcelId)) + (route.query ? "?trackingNumber=NOSUCH123" : "");

  test.each(API_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    "%s refuses a token of the other scope with 403 and changes nothing",
    async (_name, route) => {
      const reserved = await call("POST", "/parcels", { body: newParcel("S") });
      const before = world.db.$client.prepare("select count(*) as n from parcel_events").get();
      const answer = await call(route.method, concretePath(route, reserved.body.parcel.id), {
        token: tokenFor(route.scope === "kiosk" ? "carrier" : "kiosk"),
        body: {},
      });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe("FORBIDDEN");
      expect(world.db.$client.prepare("select count(*) as n from parcel_events").get()).toEqual(before);
    },
  );

  const bodies: Record<string, () => unknown> = {
    "/parcels/announcements": () => newParcel("M"),
    "/parcels": () => newParcel("M"),
    "/parcels/{parcelId}/slot-fault": () => ({ reason: "Hinge broken" }),
    "/parcels/{parcelId}/cancel": () => ({ reason: "Sent back" }),
    "/kiosk/collections": () => ({ code: "000000", phoneLast4: "0000" }),
    "/kiosk/collections/qr": () => ({ qrToken: "1.zzzzzzzz.00000000000000000000000000000000" }),
  };
  test.each(API_ROUTES.filter((route) => route.method === "POST").map((route) => [route.path, route] as const))(
    "POST %s answers a retry with the same key exactly as the first time, writing nothing more",
    async (_name, route) => {
      const reserved = await call("POST", "/parcels", { body: newParcel("S") });
      const path = concretePath(route, reserved.body.parcel.id);
      const options = { token: tokenFor(route.scope), body: bodies[route.path]?.(), key: `replay-${route.path}` };
      const first = await call("POST", path, options);
      const before = world.db.$client.prepare("select (select count(*) from parcels) + (select count(*) from parcel_events) + (select count(*) from pickup_attempts) as n").get();
      const second = await call("POST", path, options);
      expect(second.status).toBe(first.status);
      expect(second.body).toEqual(first.body);
      expect(second.headers["idempotent-replayed"]).toBe("true");
      expect(world.db.$client.prepare("select (select count(*) from parcels) + (select count(*) from parcel_events) + (select count(*) from pickup_attempts) as n").get()).toEqual(before);
    },
  );
});

test("rate limits apply per token", async () => {
  const limited = { ...services, rateLimitPerMinute: 3 };
  const { token } = createApiToken(adminCtx, {
    scope: "carrier",
    name: "Busy handheld",
    courierId: (world.db.$client.prepare("select courier_id as id from api_tokens where scope = 'carrier' limit 1").get() as { id: number }).id,
  });
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await call("GET", "/sites", { token, services: limited })).status);
  expect(statuses).toEqual([200, 200, 200, 429, 429]);
  expect((await call("GET", "/sites", { token: carrierToken, services: limited })).status).toBe(200);
});

test("the OpenAPI document describes exactly the routes the server answers", () => {
  const doc = openApiDocument();
  const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
  expect(documented.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  const reserve = doc.paths["/parcels"].post as { requestBody: { content: { "application/json": { schema: { required: string[] } } } } };
  expect(reserve.requestBody.content["application/json"].schema.required).toEqual(
    expect.arrayContaining(["siteId", "trackingNumber", "size", "recipientPhone"]),
  );
});

test("a request still running answers 409, and a claim abandoned by a crashed process can be taken over", async () => {
  const body = newParcel("S");
  const { claimKey, fingerprint } = await import("./idempotency");
  const tokenId = (world.db.$client.prepare("select id from api_tokens where scope = 'carrier' limit 1").get() as { id: number }).id;
  const print = fingerprint("POST", "/parcels", body);
  expect(claimKey(world.db, tokenId, "crashed-key", print, world.clock.now)).toBeGreaterThan(0);
  const running = await call("POST", "/parcels", { body, key: "crashed-key" });
  expect(running.status).toBe(409);
  expect(running.body.error.code).toBe("IDEMPOTENCY_IN_PROGRESS");
  world.clock.now += 31_000;
  const retried = await call("POST", "/parcels", { body, key: "crashed-key" });
  expect(retried.status).toBe(201);
  const replayed = await call("POST", "/parcels", { body, key: "crashed-key" });
  expect(replayed.headers["idempotent-replayed"]).toBe("true");
  expect(replayed.body).toEqual(retried.body);
});

test("when a concurrent copy claims the key first, the verb's writes roll back with the failed claim", async () => {
  const { claimKey, fingerprint, KeyTaken } = await import("./idempotency");
  const { joinFirstWrite } = await import("@/db/transaction");
  const { reserveParcel } = await import("@/lib/parcels/reserve");
  const tokenId = (world.db.$client.prepare("select id from api_tokens where scope = 'carrier' limit 1").get() as { id: number }).id;
  const body = { ...newParcel(), size: "M" as const };
  const print = fingerprint("POST", "/parcels", body);
  claimKey(world.db, tokenId, "raced-key", print, world.clock.now); // the other copy, committed first
  const request = joinFirstWrite(world.db, () => claimKey(world.db, tokenId, "raced-key", print, world.clock.now));
  await expect(reserveParcel({ ...world.ctx(courierActor), db: request.db }, body)).rejects.toBeInstanceOf(KeyTaken);
  expect(request.committed()).toBe(false);
  expect(world.db.select().from(parcels).where(eq(parcels.trackingNumber, body.trackingNumber)).all()).toEqual([]);
});

test("the first answer is kept with its claim and no claim stays pending", async () => {
  const commits = () => (world.db.$client.prepare("select count(*) as n from idempotency_keys where status = 0").get() as { n: number }).n;
  const pendingBefore = commits();
  const reserved = await call("POST", "/parcels", { body: newParcel("S"), key: "one-commit-key" });
  expect(reserved.status).toBe(201);
  expect(commits()).toBe(pendingBefore);
  const row = world.db.$client.prepare("select status, body from idempotency_keys where key = 'one-commit-key'").get() as { status: number; body: string };
  expect(row.status).toBe(201);
  expect(JSON.parse(row.body)).toEqual(reserved.body);
});

test("Idempotency-Keys are kept for a day, then pruned", async () => {
  const { pruneIdempotencyKeys } = await import("./idempotency");
  const answered = await call("POST", "/parcels", { body: newParcel("S"), key: "day-old-key" });
  expect(answered.status).toBe(201);
  const count = () => (world.db.$client.prepare("select count(*) as n from idempotency_keys where key = 'day-old-key'").get() as { n: number }).n;
  expect(pruneIdempotencyKeys(world.db, world.clock.now + 23 * 3_600_000)).toBe(0);
  expect(count()).toBe(1);
  expect(pruneIdempotencyKeys(world.db, world.clock.now + 25 * 3_600_000)).toBeGreaterThan(0);
  expect(count()).toBe(0);
});

test("a token form without a subject names the missing choice in words", () => {
  const error = (() => {
    try {
      createApiToken(adminCtx, { scope: "carrier", name: "No subject", courierId: undefined });
    } catch (e) {
      return e as { details: { fieldErrors: Record<string, string[]> } };
    }
  })();
  expect(error?.details.fieldErrors.courierId).toEqual(["Choose the courier account the token acts as."]);
});

describe("outbound parcels over the API (decision 0013)", () => {
  test("a return set up by the carrier is dropped off, polled, given a waybill, and taken", async () => {
    setCarrierOutbound(adminCtx, { siteId, carrierId: courierActor.carrierId!, accepts: true });
    const customer = f.createCustomer(world.db, "13577770001");
    const input = { siteId, size: "M", customerPhone: customer.verifiedPhone, orderReference: "TMALL-880011" };
    const created = await call("POST", "/returns", { body: input });
    expect(created.status).toBe(201);
    expect(created.body.shipment).toMatchObject({ kind: "return", state: "created", orderReference: "TMALL-880011", waybillNumber: null });
    const again = await call("POST", "/returns", { body: input });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, shipment: { id: created.body.shipment.id } });
    const id = created.body.shipment.id as number;

    // The customer finds the code in the app and drops the parcel off at the kiosk.
    const [shipment] = customerShipments(world.ctx(customer));
    const door = await startDropOff(world.ctx(f.createKiosk(world.db, siteId)), { code: shipment.dropOff!.code, phoneLast4: "0001" });
    confirmDropOff(world.ctx(f.createKiosk(world.db, siteId)), { outboundParcelId: door.outboundParcelId });

    const waiting = await call("GET", "/outbound");
    expect(waiting.status).toBe(200);
    expect(waiting.body.outbound.find((o: { id: number }) => o.id === id)).toMatchObject({ state: "dropped_off", overdue: false, slotLabel: door.slotLabel });
    const foreign = await call("GET", "/outbound", { token: otherCarrierToken });
    expect(foreign.body.outbound.map((o: { id: number }) => o.id)).not.toContain(id);

    const waybill = await call("POST", `/outbound/${id}/waybill`, { body: { waybillNumber: "AE0001112223", quotedPriceCents: 800 } });
    expect(waybill.status).toBe(200);
    expect(waybill.body).toMatchObject({ replayed: false, shipment: { waybillNumber: "AE0001112223", quotedPriceCents: 800 } });
    const stolen = await call("POST", `/outbound/${id}/taken`, { token: otherCarrierToken });
    expect(stolen.status).toBe(404);

    const opened = await call("POST", `/outbound/${id}/door`);
    expect(opened.status).toBe(200);
    expect(opened.body.doorOpened).toBe(true);
    const taken = await call("POST", `/outbound/${id}/taken`);
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ replayed: false, shipment: { state: "taken", stateLabel: "handed to carrier" } });
  });

  test("a return at a site where the carrier takes no outbound parcels is refused, and kiosks may not set one up", async () => {
    const refused = await call("POST", "/returns", { body: { siteId: otherSiteId, size: "S", customerPhone: "13577770002", orderReference: "JD-1" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("INVALID");
    const kiosk = await call("POST", "/returns", { token: kioskToken, body: { siteId, size: "S", customerPhone: "13577770002", orderReference: "JD-1" } });
    expect(kiosk.status).toBe(403);
  });
});

test("every route's success answer was checked against the document above", () => {
  const unchecked = [...validated].filter(([, statuses]) => ![...statuses].some((status) => status < 300)).map(([route]) => route);
  expect(unchecked).toEqual([]);
});

test("the OpenAPI document lists every error code the API answers with, PAYLOAD_TOO_LARGE included", async () => {
  const { bodyTooLarge } = await import("./handler");
  const tooLarge = bodyTooLarge();
  const validate = ajv.getSchema("openapi.json#/components/schemas/Error")!;
  expect(validate(JSON.parse(tooLarge.body))).toBe(true);
  expect(tooLarge.status).toBe(413);
  for (const route of API_ROUTES.filter((candidate) => candidate.method === "POST")) {
    expect(Object.keys((document.paths[route.path].post as { responses: object }).responses)).toContain("413");
  }
});

test("the check is not vacuous: an undocumented field, a wrong type or an undocumented status fails it", async () => {
  const reserved = await call("POST", "/parcels", { body: newParcel("S") });
  const schemaOf = (status: string) => ajv.getSchema(`openapi.json#/${pointer("paths", "/parcels", "post", "responses", status, "content", "application/json", "schema")}`)!;
  expect(schemaOf("201")(reserved.body)).toBe(true);
  expect(schemaOf("201")({ ...reserved.body, parcel: { ...reserved.body.parcel, pickupCode: "123456" } })).toBe(false);
  expect(schemaOf("201")({ ...reserved.body, doorOpened: "yes" })).toBe(false);
  expect(() => expectDocumented("GET", "/sites", 418, { error: { code: "INTERNAL", message: "teapot" } })).toThrow(/documents status 418/);
});
