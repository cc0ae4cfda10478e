import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { layoutByRow } from "@/lib/sites/layout";
import * as f from "@/lib/testing/factories";
import { serveFetchRequest } from "./fetch-adapter";
import { MAX_BODY_BYTES, type ApiServices } from "./handler";
import { serveNodeRequest } from "./node-server";
import { createApiToken } from "@/lib/auth/api-tokens";

/*
 * The two front doors of /api/v1 — Node's HTTP server (production) and the fetch-style
 * Next.js route (development) — must answer alike: same statuses, headers and bodies.
 */

const world = f.createTestWorld();
let services: ApiServices;
let token: string;
let siteId: number;
let server: http.Server;
let base: string;

beforeAll(async () => {
  const org = f.createOrganization(world.db);
  siteId = f.createSite(world.db, org.id, { name: "Adapter Station" }).id;
  f.createLocker(world.db, siteId, layoutByRow(["S", "M"], 2), "A");
  const courier = f.createCourier(world.db, f.createCarrier(world.db, "Adapter Express").id, [siteId]);
  token = createApiToken(world.ctx(f.createAdmin(world.db, org.id)), { scope: "carrier", name: "Adapter handheld", courierId: courier.userId }).token;
  services = { db: world.db, now: () => world.clock.now, doors: world.doors, keys: world.keys, rateLimitPerMinute: 10_000 };
  server = http.createServer((req, res) => void serveNodeRequest(req, res, () => services));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  world.close();
});

type Answer = { status: number; headers: Record<string, string | null>; body: { error?: { code: string } } & Record<string, unknown> };

async function viaNode(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const response = await fetch(`${base}/api/v1${path}`, { method, body: init.body, headers: init.headers });
  return { status: response.status, headers: { "content-type": response.headers.get("content-type"), "x-content-type-options": response.headers.get("x-content-type-options") }, body: await response.json() };
}

async function viaFetch(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const request = new Request(`http://localhost/api/v1${path}`, { method, body: init.body, headers: init.headers });
  const response = await serveFetchRequest(() => services, request, path.split("?")[0]);
  return { status: response.status, headers: { "content-type": response.headers.get("content-type"), "x-content-type-options": response.headers.get("x-content-type-options") }, body: await response.json() };
}

describe.each([
  ["Node's HTTP server", viaNode],
  ["the fetch route", viaFetch],
])("%s", (_name, send) => {
  const auth = () => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

  test("answers with JSON that browsers will not sniff", async () => {
    const sites = await send("GET", "/sites", { headers: auth() });
    expect(sites.status).toBe(200);
    expect(sites.headers["content-type"]).toMatch(/^application\/json/);
    expect(sites.headers["x-content-type-options"]).toBe("nosniff");
    expect((sites.body.sites as { name: string }[]).map((s) => s.name)).toEqual(["Adapter Station"]);
  });

  test("passes the body, the Idempotency-Key and the query string through", async () => {
    const trackingNumber = f.trackingNumber();
    const body = JSON.stringify({ siteId, trackingNumber, size: "S", recipientPhone: "13800004321" });
    const key = `adapter-${trackingNumber}`;
    const first = await send("POST", "/parcels", { body, headers: { ...auth(), "idempotency-key": key } });
    expect(first.status).toBe(201);
    const again = await send("POST", "/parcels", { body, headers: { ...auth(), "idempotency-key": key } });
    expect(again.body).toEqual(first.body);
    const status = await send("GET", `/parcels?trackingNumber=${trackingNumber}`, { headers: auth() });
    expect(status.status).toBe(200);
    expect((status.body.parcel as { state: string }).state).toBe("reserved");
  });

  test("refuses a body over the limit with 413 before reading it all", async () => {
    const huge = JSON.stringify({ padding: "x".repeat(MAX_BODY_BYTES) });
    const refused = await send("POST", "/parcels", { body: huge, headers: { ...auth(), "idempotency-key": "too-large" } });
    expect(refused.status).toBe(413);
    expect(refused.body.error?.code).toBe("PAYLOAD_TOO_LARGE");
  });

  test("serves the OpenAPI document without a token", async () => {
    const doc = await send("GET", "/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe("3.1.0");
  });

  test("an unknown endpoint is a JSON 404", async () => {
    const missing = await send("GET", "/nowhere", { headers: auth() });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe("NO_ROUTE");
  });
});
