import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestWorld } from "@/lib/testing/factories";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createOutboundStation, senderPhone, startSending, type OutboundStation } from "@/lib/testing/outbound";
import { HOUR_MS } from "@/lib/testing/parcels";
import { getOutboundDetail, searchOutbound } from "./admin";
import { attachWaybill } from "./carrier";
import { createReturn } from "./create";
import { confirmDropOff, startDropOff } from "./drop-off";

/*
 * The admin's search of sent and returned parcels and its detail: filters, newest first,
 * pages, masked phones, never a drop-off code, and nothing of another organization.
 */

const world = createTestWorld();
afterAll(() => world.close());

let station: OutboundStation;
/** A second site of the same organization, with a carrier of its own. */
let annex: OutboundStation;
/** Another organization's station, with a shipment of its own customer. */
let other: OutboundStation;
let waiting: ReturnType<typeof startSending>;
let sent: ReturnType<typeof startSending>;
let returned: { id: number; phone: string; cipher: string };
let othersShipment: ReturnType<typeof startSending>;

beforeAll(async () => {
  station = createOutboundStation(world);
  annex = createOutboundStation(world, { organizationId: station.organizationId });
  other = createOutboundStation(world);

  waiting = startSending(world, station);
  world.clock.now += HOUR_MS;
  sent = startSending(world, station, { size: "M" });
  const kiosk = world.ctx(station.kiosk);
  const door = await startDropOff(kiosk, { code: sent.code, phoneLast4: sent.phoneLast4 });
  confirmDropOff(kiosk, { outboundParcelId: door.outboundParcelId });
  attachWaybill(world.ctx(station.courier), { outboundParcelId: sent.shipment.id, waybillNumber: "ZT7700112233" });
  world.clock.now += HOUR_MS;

  const phone = senderPhone();
  const created = createReturn(world.ctx(annex.courier), { siteId: annex.site.id, size: "S", customerPhone: phone, orderReference: "TB-2026-0042" });
  const cipher = world.db.$client.prepare("select drop_off_code_cipher from outbound_parcels where id = ?").pluck().get(created.shipment.id) as string;
  returned = { id: created.shipment.id, phone, cipher };
  world.clock.now += HOUR_MS;

  othersShipment = startSending(world, other);
});

const ids = (result: { rows: { id: number }[] }) => result.rows.map((row) => row.id);

describe("searchOutbound", () => {
  test("lists the organization's sent and returned parcels newest first, phones masked and no drop-off code", () => {
    const result = searchOutbound(world.ctx(station.admin), {});
    expect(ids(result)).toEqual([returned.id, sent.shipment.id, waiting.shipment.id]);
    expect(result).toMatchObject({ total: 3, page: 1, pages: 1 });
    const phone = station.customer.verifiedPhone!;
    expect(result.rows[1]).toMatchObject({ kind: "send", state: "dropped_off", waybillNumber: "ZT7700112233", siteName: station.site.name, senderPhone: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    const text = JSON.stringify(result);
    for (const secret of [waiting.code, sent.code, phone, returned.phone]) expect(text).not.toContain(secret);
  });

  test("finds by the sender's whole phone or its last 4 digits, the order reference or the waybill number", () => {
    const admin = world.ctx(station.admin);
    const phone = station.customer.verifiedPhone!;
    expect(ids(searchOutbound(admin, { q: phone }))).toEqual([sent.shipment.id, waiting.shipment.id]);
    expect(ids(searchOutbound(admin, { q: ` ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)} ` }))).toEqual([sent.shipment.id, waiting.shipment.id]);
    expect(ids(searchOutbound(admin, { q: phone.slice(-4) }))).toEqual([sent.shipment.id, waiting.shipment.id]);
    expect(ids(searchOutbound(admin, { q: returned.phone.slice(-4) }))).toEqual([returned.id]);
    expect(ids(searchOutbound(admin, { q: "tb-2026-0042" }))).toEqual([returned.id]);
    expect(ids(searchOutbound(admin, { q: "zt7700112233" }))).toEqual([sent.shipment.id]);
    expect(searchOutbound(admin, { q: "13999999999" })).toMatchObject({ rows: [], total: 0, page: 1, pages: 1 });
  });

  test("filters by state, site and kind, an empty field meaning any", () => {
    const admin = world.ctx(station.admin);
    expect(ids(searchOutbound(admin, { state: "dropped_off" }))).toEqual([sent.shipment.id]);
    expect(ids(searchOutbound(admin, { state: "created", kind: "send" }))).toEqual([waiting.shipment.id]);
    expect(ids(searchOutbound(admin, { kind: "return" }))).toEqual([returned.id]);
    expect(ids(searchOutbound(admin, { site: String(annex.site.id), state: "", q: "" }))).toEqual([returned.id]);
    expect(ids(searchOutbound(admin, { site: station.site.id, kind: "return" }))).toEqual([]);
  });

  test("another organization's admin sees none of them, whatever the filter", () => {
    const stranger = world.ctx(other.admin);
    expect(ids(searchOutbound(stranger, {}))).toEqual([othersShipment.shipment.id]);
    expect(ids(searchOutbound(stranger, { q: station.customer.verifiedPhone! }))).toEqual([]);
    expect(ids(searchOutbound(stranger, { q: "TB-2026-0042" }))).toEqual([]);
    expect(ids(searchOutbound(stranger, { site: station.site.id }))).toEqual([]);
    expect(ids(searchOutbound(world.ctx(station.admin), { site: other.site.id }))).toEqual([]);
  });

  test("refuses other roles and filters it cannot read", async () => {
    await expectDomainError(() => searchOutbound(world.ctx(station.courier), {}), "FORBIDDEN");
    await expectDomainError(() => searchOutbound(world.ctx(station.customer), {}), "FORBIDDEN");
    const admin = world.ctx(station.admin);
    const invalid = await expectDomainError(() => searchOutbound(admin, { q: "1' or 1=1 --", state: "lost", kind: "gift" }), "INVALID");
    expect(Object.keys(invalid.fields ?? {}).sort()).toEqual(["kind", "q", "state"]);
  });

  test("pages 50 at a time, a page past the last showing the last", () => {
    const busy = createOutboundStation(world);
    const started = Array.from({ length: 51 }, () => {
      world.clock.now += 1000;
      return startSending(world, busy).shipment.id;
    });
    const admin = world.ctx(busy.admin);
    const first = searchOutbound(admin, { kind: "send" });
    expect(first).toMatchObject({ total: 51, page: 1, pages: 2 });
    expect(ids(first)).toEqual(started.slice(1).reverse());
    expect(ids(searchOutbound(admin, { page: "2" }))).toEqual([started[0]]);
    expect(searchOutbound(admin, { page: "9" }).page).toBe(2);
  });
});

describe("getOutboundDetail", () => {
  test("tells a shipment's story oldest first, with the whole sender's phone and never its code", () => {
    const detail = getOutboundDetail(world.ctx(station.admin), String(sent.shipment.id));
    expect(detail).toMatchObject({ id: sent.shipment.id, kind: "send", state: "dropped_off", senderPhone: station.customer.verifiedPhone, waybillNumber: "ZT7700112233" });
    expect(detail.timeline.map((entry) => entry.summary)).toEqual([
      "Shipment started by the customer (size M); drop-off code issued",
      "Door opened at the kiosk for the drop-off",
      "Door opened at the kiosk for a drop-off",
      "Door closed",
      "Dropped off; waiting for the carrier",
      "Waybill ZT7700112233 attached by the carrier",
    ]);
    expect(detail.timeline.filter((entry) => entry.toState !== null).map((entry) => entry.toState)).toEqual(["created", "dropping_off", "dropped_off"]);
    expect(JSON.stringify(detail)).not.toContain(sent.code);
  });

  test("a return names its order and who set it up, in Chinese too", () => {
    const detail = getOutboundDetail(world.ctx(station.admin), returned.id, "zh-CN");
    expect(detail).toMatchObject({ kind: "return", orderReference: "TB-2026-0042", state: "created", senderPhone: returned.phone });
    expect(detail.createdBy).not.toBeNull();
    expect(detail.timeline[0].summary).toBe("快递公司为订单号 TB-2026-0042 创建退货（小格口），投件码已发给用户");
    expect(JSON.stringify(detail)).not.toContain(returned.cipher);
  });

  test("another organization's shipment is NOT_FOUND, as is a missing or malformed id; other roles are refused", async () => {
    await expectDomainError(() => getOutboundDetail(world.ctx(other.admin), sent.shipment.id), "NOT_FOUND");
    await expectDomainError(() => getOutboundDetail(world.ctx(station.admin), othersShipment.shipment.id), "NOT_FOUND");
    await expectDomainError(() => getOutboundDetail(world.ctx(station.admin), 999_999), "NOT_FOUND");
    await expectDomainError(() => getOutboundDetail(world.ctx(station.admin), "abc"), "NOT_FOUND");
    await expectDomainError(() => getOutboundDetail(world.ctx(station.courier), sent.shipment.id), "FORBIDDEN");
  });
});
