import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/admin/csv";
import { adminScene, expectAdminsOnly, type AdminScene } from "@/lib/testing/admin";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, reserve } from "@/lib/testing/parcels";
import { reportParcelIncident } from "@/lib/parcels/admin-actions";
import { exportParcelsCsv, searchParcels } from "./parcel-search";
import { cancelParcel } from "@/lib/parcels/cancel";

let world: TestWorld;
let scene: AdminScene;
const HOUR = 3_600_000;
let parcels: Record<"alice" | "bob" | "soon" | "reserved" | "cancelled" | "theirs" | "yesterday", { id: number; trackingNumber: string }>;

beforeAll(async () => {
  world = createTestWorld();
  scene = adminScene(world);
  const { station, other } = scene;
  const second = createStation(world, { organizationId: station.organizationId, holdPeriodHours: 2 });
  const start = world.clock.now;
  world.clock.now = start - 24 * HOUR;
  const yesterday = await deposit(world, station.courier, station.site.id, { trackingNumber: "ZT-OLD-0001", recipientPhone: "13511110000" });
  world.clock.now = start;
  const alice = await deposit(world, station.courier, station.site.id, {
    trackingNumber: "ZT-ALICE-0001",
    recipientPhone: "13800001234",
    recipientName: "=HYPERLINK(\"http://evil\")",
  });
  const bob = await deposit(world, station.courier, station.site.id, { trackingNumber: "ZT-BOB-0002", recipientPhone: "13900005678" });
  // Hold period 2 hours: its pickup time ends before midnight.
  const soon = await deposit(world, second.courier, second.site.id, { trackingNumber: "SF-SOON-0003", recipientPhone: "13700001234" });
  const reserved = await reserve(world, station.courier, station.site.id, { trackingNumber: "ZT-RES-0004", recipientPhone: "13800001234" });
  const cancelled = await reserve(world, second.courier, second.site.id, { trackingNumber: "SF-CAN-0005" });
  cancelParcel(world.ctx(second.courier), { parcelId: cancelled.parcel.id, reason: "Wrong site" });
  const theirs = await deposit(world, other.courier, other.site.id, { trackingNumber: "ZT-ALICE-9999", recipientPhone: "13800001234" });
  reportParcelIncident(world.ctx(scene.admin), { parcelId: bob.parcel.id, kind: "damaged", note: "Box crushed" });
  parcels = {
    alice: alice.parcel,
    bob: bob.parcel,
    soon: soon.parcel,
    reserved: reserved.parcel,
    cancelled: cancelled.parcel,
    theirs: theirs.parcel,
    yesterday: yesterday.parcel,
  };
});
afterAll(() => world.close());

const tracking = (search: Parameters<typeof searchParcels>[1]) =>
  searchParcels(world.ctx(scene.admin), search).rows.map((row) => row.trackingNumber);

describe("searchParcels", () => {
  it("finds by whole phone or its last 4 digits, only in the admin's organization", () => {
    expect(tracking({ phone: "138 0000 1234" }).sort()).toEqual(["ZT-ALICE-0001", "ZT-RES-0004"]);
    expect(tracking({ phone: "1234" }).sort()).toEqual(["SF-SOON-0003", "ZT-ALICE-0001", "ZT-RES-0004"]);
    const row = searchParcels(world.ctx(scene.admin), { phone: "13800001234" }).rows[0];
    expect(row.recipientPhone).toBe("138****1234");
  });

  it("finds by tracking-number prefix, case-insensitively, never another organization's", () => {
    expect(tracking({ tracking: "zt-alice" })).toEqual(["ZT-ALICE-0001"]);
    expect(searchParcels(world.ctx(scene.otherAdmin), { tracking: "ZT-ALICE" }).rows.map((r) => r.id)).toEqual([parcels.theirs.id]);
  });

  it("filters by state, site, carrier, arrival day, expiring today and incidents", () => {
    expect(tracking({ state: "reserved" })).toEqual(["ZT-RES-0004"]);
    expect(tracking({ state: "cancelled" })).toEqual(["SF-CAN-0005"]);
    expect(tracking({ site: scene.station.site.id, state: "deposited" }).sort()).toEqual(["ZT-ALICE-0001", "ZT-BOB-0002", "ZT-OLD-0001"]);
    expect(tracking({ carrier: scene.station.carrier.id, state: "deposited" }).sort()).toEqual(["ZT-ALICE-0001", "ZT-BOB-0002", "ZT-OLD-0001"]);
    // The test clock is 2026-11-26 17:00 in Hangzhou.
    expect(tracking({ from: "2026-11-25", to: "2026-11-25" })).toEqual(["ZT-OLD-0001"]);
    expect(tracking({ from: "2026-11-26" })).not.toContain("ZT-OLD-0001");
    expect(tracking({ expiring: "today" })).toEqual(["SF-SOON-0003"]);
    expect(tracking({ incident: "damaged" })).toEqual(["ZT-BOB-0002"]);
    expect(tracking({ incident: "lost" })).toEqual([]);
    expect(searchParcels(world.ctx(scene.admin), { incident: "any" }).rows[0].incidents).toEqual(["damaged"]);
  });

  it("a site of another organization in the filter finds nothing", () => {
    expect(searchParcels(world.ctx(scene.admin), { site: scene.other.site.id })).toMatchObject({ rows: [], total: 0 });
  });

  it("counts and pages", () => {
    const result = searchParcels(world.ctx(scene.admin), { page: "9" });
    expect(result).toMatchObject({ total: 6, page: 1, pages: 1 });
    expect(result.rows[0].arrivedAt).toBeGreaterThanOrEqual(result.rows.at(-1)!.arrivedAt);
  });

  it("says which filter is wrong", async () => {
    const error = await expectDomainError(() => searchParcels(world.ctx(scene.admin), { phone: "12", state: "lost", from: "2026-02-30" }), "INVALID");
    const fields = (error.details as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(fields).sort()).toEqual(["phone", "state"]);
    await expectDomainError(() => searchParcels(world.ctx(scene.admin), { from: "2026-02-30" }), "INVALID");
    await expectDomainError(() => searchParcels(world.ctx(scene.admin), { from: "2026-11-27", to: "2026-11-26" }), "INVALID");
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => searchParcels(ctx, {}));
  });
});

describe("exportParcelsCsv", () => {
  it("exports exactly what was searched, phones masked, formulas defused", () => {
    const { csv, rows, filename } = exportParcelsCsv(world.ctx(scene.admin), { phone: "13800001234" });
    expect(rows).toBe(2);
    expect(filename).toBe("parcels-2026-11-26.csv");
    expect(csv.startsWith("\uFEFFTracking number,Carrier,Site,Door,State")).toBe(true);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(csv).toContain("138****1234");
    expect(csv).not.toContain("13800001234");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.toContain("ZT-ALICE-9999");
  });

  it("has its header and the words of its cells in the admin's language", () => {
    const { csv } = exportParcelsCsv(world.ctx(scene.admin), { phone: "13800001234" }, "zh-CN");
    expect(csv.startsWith("\uFEFF运单号,快递公司,站点,格口,状态,格口尺寸,收件人手机号")).toBe(true);
    const english = exportParcelsCsv(world.ctx(scene.admin), { phone: "13800001234" }, "en").csv;
    expect(csv.split("\r\n").slice(1).join()).not.toBe(english.split("\r\n").slice(1).join());
    expect(csv).toMatch(/,(是|否),/);
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => exportParcelsCsv(ctx, {}));
  });
});

describe("CSV cells", () => {
  it("quote what needs quoting and defuse formula starts", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("+8613800001234")).toBe("'+8613800001234");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("yes");
    expect(toCsv(["a", "b"], [[1, "x,y"]])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });
});
