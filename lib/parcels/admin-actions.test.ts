import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parcels } from "@/db/schema";
import { encryptPickupCode, keysFromHex } from "@/lib/pickup-codes/code";
import { collectParcel } from "./collect";
import { adminScene, auditRows, expectAdminsOnly, expectRefused, type AdminScene } from "@/lib/testing/admin";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createTestWorld, pickupCodeOf, type TestWorld } from "@/lib/testing/factories";
import { DELIVERY_POLICY, deliverDueNotifications } from "@/lib/notifications/worker";
import type { MessageTransport, OutgoingMessage } from "@/lib/notifications/transport";
import { announceParcel } from "./announce";
import { RESEND_COOLDOWN_MS, cancelParcelAsAdmin, extendHoldAsAdmin, reportParcelIncident, resendPickupCode } from "./admin-actions";
import { getParcelDetail } from "@/lib/admin/parcel-detail";
import { HOLD_EXTENSION_MS } from "./extend-hold";
import { deposit, eventsOf, parcelRow, reserve, reserveInput } from "@/lib/testing/parcels";
import { freeSlotIds } from "@/lib/testing/parcels";
import { layoutByRow } from "@/lib/sites/layout";

let world: TestWorld;
let scene: AdminScene;
beforeAll(() => {
  world = createTestWorld();
  scene = adminScene(world, { layout: layoutByRow(["S", "M", "M", "L"], 8) });
});
afterAll(() => world.close());

const depositHere = () => deposit(world, scene.station.courier, scene.station.site.id);
const depositThere = () => deposit(world, scene.other.courier, scene.other.site.id);

describe("extendHoldAsAdmin", () => {
  it("moves the deadline a day later, once, with an event and an audit row", async () => {
    const { parcel } = await depositHere();
    const extended = extendHoldAsAdmin(world.ctx(scene.admin), { parcelId: parcel.id });
    expect(extended.expiresAt).toBe(parcel.expiresAt! + HOLD_EXTENSION_MS);
    expect(eventsOf(world.db, parcel.id).at(-1)).toMatchObject({ kind: "hold_extended" });
    expect(auditRows(world, scene.station.organizationId).at(-1)).toMatchObject({
      action: "parcel.hold_extended",
      subject: `parcel:${parcel.id}`,
      detail: { trackingNumber: parcel.trackingNumber, siteId: scene.station.site.id },
    });
    await expectRefused(world, scene.admin, (ctx) => extendHoldAsAdmin(ctx, { parcelId: parcel.id }), "CONFLICT");
  });

  it("refuses a parcel that is not waiting", async () => {
    const { parcel } = await reserve(world, scene.station.courier, scene.station.site.id);
    await expectRefused(world, scene.admin, (ctx) => extendHoldAsAdmin(ctx, { parcelId: parcel.id }), "INVALID_TRANSITION");
  });

  it("another organization's parcel is NOT_FOUND", async () => {
    const { parcel } = await depositThere();
    await expectRefused(world, scene.admin, (ctx) => extendHoldAsAdmin(ctx, { parcelId: parcel.id }), "NOT_FOUND");
  });

  it("is for admins only — also the customer, who has their own way to extend", async () => {
    const { parcel } = await depositHere();
    await expectAdminsOnly(world, scene, (ctx) => extendHoldAsAdmin(ctx, { parcelId: parcel.id }));
  });
});

describe("cancelParcelAsAdmin", () => {
  it("cancels an open reservation with a reason and frees its door", async () => {
    const { parcel } = await reserve(world, scene.station.courier, scene.station.site.id);
    const cancelled = cancelParcelAsAdmin(world.ctx(scene.admin), { parcelId: parcel.id, reason: "Courier left without closing" });
    expect(cancelled.state).toBe("cancelled");
    expect(freeSlotIds(world.db, scene.station.site.id)).toContain(parcel.slot!.id);
    expect(eventsOf(world.db, parcel.id).at(-1)).toMatchObject({ from: "reserved", to: "cancelled", detail: { reason: "Courier left without closing" } });
    expect(auditRows(world, scene.station.organizationId).at(-1)).toMatchObject({ action: "parcel.cancelled", detail: { from: "reserved" } });
    await expectRefused(world, scene.admin, (ctx) => cancelParcelAsAdmin(ctx, { parcelId: parcel.id, reason: "again" }), "CONFLICT");
  });

  it("cancels an announced parcel", () => {
    const { parcel: announced } = announceParcel(world.ctx(scene.station.courier), reserveInput(scene.station.site.id));
    expect(cancelParcelAsAdmin(world.ctx(scene.admin), { parcelId: announced.id, reason: "Sender withdrew it" }).state).toBe("cancelled");
  });

  it("refuses a parcel already in its locker, and a missing reason", async () => {
    const { parcel } = await depositHere();
    await expectRefused(world, scene.admin, (ctx) => cancelParcelAsAdmin(ctx, { parcelId: parcel.id, reason: "no" }), "INVALID");
    await expectRefused(world, scene.admin, (ctx) => cancelParcelAsAdmin(ctx, { parcelId: parcel.id, reason: "Wrong site" }), "INVALID_TRANSITION");
  });

  it("another organization's parcel is NOT_FOUND", async () => {
    const { parcel } = await reserve(world, scene.other.courier, scene.other.site.id);
    await expectRefused(world, scene.admin, (ctx) => cancelParcelAsAdmin(ctx, { parcelId: parcel.id, reason: "Not mine" }), "NOT_FOUND");
  });

  it("is for admins only", async () => {
    const { parcel } = await reserve(world, scene.station.courier, scene.station.site.id);
    await expectAdminsOnly(world, scene, (ctx) => cancelParcelAsAdmin(ctx, { parcelId: parcel.id, reason: "Cancel it" }));
  });
});

describe("reportParcelIncident", () => {
  it("marks a parcel lost or damaged without changing its state", async () => {
    const { parcel } = await depositHere();
    const result = reportParcelIncident(world.ctx(scene.admin), { parcelId: parcel.id, kind: "damaged", note: "Box wet" });
    expect(result).toEqual({ parcelId: parcel.id, trackingNumber: parcel.trackingNumber, kind: "damaged" });
    reportParcelIncident(world.ctx(scene.admin), { parcelId: parcel.id, kind: "lost", note: "Door found empty at inspection" });
    expect(parcelRow(world.db, parcel.id).state).toBe("deposited");
    expect(eventsOf(world.db, parcel.id).slice(-2).map((event) => [event.kind, event.from, event.to, event.detail])).toEqual([
      ["incident_damaged", null, null, { note: "Box wet" }],
      ["incident_lost", null, null, { note: "Door found empty at inspection" }],
    ]);
    expect(auditRows(world, scene.station.organizationId).slice(-2).map((row) => row.action)).toEqual(["parcel.marked_damaged", "parcel.marked_lost"]);
    const detail = getParcelDetail(world.ctx(scene.admin), parcel.id);
    expect(detail.incidents.map((incident) => incident.kind)).toEqual(["damaged", "lost"]);
    await expectRefused(world, scene.admin, (ctx) => reportParcelIncident(ctx, { parcelId: parcel.id, kind: "lost", note: "again" }), "CONFLICT");
  });

  it("refuses a parcel that never reached a locker, an unknown kind and an empty note", async () => {
    const { parcel: announced } = announceParcel(world.ctx(scene.station.courier), reserveInput(scene.station.site.id));
    await expectRefused(world, scene.admin, (ctx) => reportParcelIncident(ctx, { parcelId: announced.id, kind: "lost", note: "Never came" }), "INVALID_TRANSITION");
    const { parcel } = await depositHere();
    await expectRefused(world, scene.admin, (ctx) => reportParcelIncident(ctx, { parcelId: parcel.id, kind: "stolen" as "lost", note: "Gone" }), "INVALID");
    await expectRefused(world, scene.admin, (ctx) => reportParcelIncident(ctx, { parcelId: parcel.id, kind: "lost", note: "" }), "INVALID");
  });

  it("another organization's parcel is NOT_FOUND", async () => {
    const { parcel } = await depositThere();
    await expectRefused(world, scene.admin, (ctx) => reportParcelIncident(ctx, { parcelId: parcel.id, kind: "lost", note: "Not mine" }), "NOT_FOUND");
  });

  it("is for admins only", async () => {
    const { parcel } = await depositHere();
    await expectAdminsOnly(world, scene, (ctx) => reportParcelIncident(ctx, { parcelId: parcel.id, kind: "damaged", note: "Dented" }));
  });
});

describe("resendPickupCode", () => {
  // The worker logs each message it gives up on; these tests give up on purpose.
  beforeEach(() => void vi.spyOn(console, "error").mockImplementation(() => {}));
  afterEach(() => vi.restoreAllMocks());
  const deliverAll = (transport: MessageTransport) =>
    deliverDueNotifications(world.ctx({ kind: "system" }), transport, { ...DELIVERY_POLICY, maxAttempts: 1, batchSize: 1_000 });

  it("queues the pickup code again once the first message failed, with an audit row; the detail shows both", async () => {
    const { parcel } = await depositHere();
    await deliverAll({ name: "refusing", send: () => Promise.reject(new Error("the SMS gateway refused the message: 503")) });
    expect(getParcelDetail(world.ctx(scene.admin), parcel.id).messages).toMatchObject([
      { kind: "parcel_deposited", status: "failed", attempts: 1, lastError: "the SMS gateway refused the message: 503" },
    ]);

    expect(resendPickupCode(world.ctx(scene.admin), { parcelId: parcel.id })).toEqual({
      parcelId: parcel.id,
      trackingNumber: parcel.trackingNumber,
      to: parcel.recipientPhone,
      newCode: false,
    });
    expect(auditRows(world, scene.station.organizationId).at(-1)).toMatchObject({
      action: "parcel.code_resent",
      subject: `parcel:${parcel.id}`,
      detail: { trackingNumber: parcel.trackingNumber, to: parcel.recipientPhone },
    });
    expect(eventsOf(world.db, parcel.id).at(-1)).toMatchObject({ kind: "code_resent", actorKind: "user" });
    // Twice in a row is once: the first is still on its way.
    await expectRefused(world, scene.admin, (ctx) => resendPickupCode(ctx, { parcelId: parcel.id }), "CONFLICT");

    const sent: OutgoingMessage[] = [];
    await deliverAll({ name: "accepting", send: async (message) => void sent.push(message) });
    const text = sent.find((message) => message.parcelId === parcel.id)!;
    expect(text.text).toContain(pickupCodeOf(world, parcel.id));
    expect(getParcelDetail(world.ctx(scene.admin), parcel.id).messages.map((m) => m.status)).toEqual(["sent", "failed"]);
  });

  it("refuses another resend of the same parcel within the cooldown, saying when, and sends again once it is over", async () => {
    const { parcel } = await depositHere();
    const accepting = { name: "accepting", send: async () => {} };
    await deliverAll(accepting);
    const start = world.clock.now;
    try {
      resendPickupCode(world.ctx(scene.admin), { parcelId: parcel.id });
      // Delivered, so not "on its way": only the cooldown stands between this click and another text.
      await deliverAll(accepting);
      world.clock.now = start + RESEND_COOLDOWN_MS - 61_000;
      const error = await expectDomainError(() => resendPickupCode(world.ctx(scene.admin), { parcelId: parcel.id }), "LOCKED_OUT");
      expect(error.key).toBe("resendTooSoon");
      expect(error.params).toEqual({ minutes: 2 });
      expect(error.message).toBe("The pickup code was sent again only a moment ago. To spare the recipient a string of texts, it can be sent again in 2 minutes.");
      expect(error.details).toEqual({ retryAfterMs: 61_000 });
      // Another parcel of the same recipient is not held back by this one's resend.
      const { parcel: another } = await depositHere();
      await deliverAll(accepting);
      expect(resendPickupCode(world.ctx(scene.admin), { parcelId: another.id }).parcelId).toBe(another.id);
      const textsBefore = getParcelDetail(world.ctx(scene.admin), parcel.id).messages.length;
      expect(textsBefore).toBe(2);

      world.clock.now = start + RESEND_COOLDOWN_MS;
      expect(resendPickupCode(world.ctx(scene.admin), { parcelId: parcel.id }).parcelId).toBe(parcel.id);
      expect(getParcelDetail(world.ctx(scene.admin), parcel.id).messages).toHaveLength(3);
      expect(eventsOf(world.db, parcel.id).filter((event) => event.kind === "code_resent")).toHaveLength(2);
    } finally {
      world.clock.now = start;
    }
  });

  it("issues a new code when the stored one cannot be read with this server's keys, and the recipient collects with it", async () => {
    const { parcel, code: oldCode, phoneLast4 } = await depositHere();
    // As after PICKUP_CODE_ENCRYPTION_KEY was changed: the stored copy opens under other keys only.
    const otherKeys = keysFromHex(crypto.randomBytes(32).toString("hex"), crypto.randomBytes(32).toString("hex"));
    world.db.update(parcels).set({ pickupCodeCipher: encryptPickupCode(otherKeys, oldCode) }).where(eq(parcels.id, parcel.id)).run();
    const transport = { name: "accepting", send: async () => {} };
    await deliverDueNotifications(world.ctx({ kind: "system" }), transport, { ...DELIVERY_POLICY, batchSize: 1_000 });
    const before = getParcelDetail(world.ctx(scene.admin), parcel.id);
    expect(before.codeLost).toBe(true);
    // The message cannot be rendered: it waits to be tried again rather than send a code nobody can use.
    expect(before.messages).toMatchObject([{ kind: "parcel_deposited", status: "queued", attempts: 1, lastError: expect.stringContaining("no code this server can read") }]);

    // Not "already on its way": that message gives way to one with the new code.
    expect(resendPickupCode(world.ctx(scene.admin), { parcelId: parcel.id })).toMatchObject({ parcelId: parcel.id, newCode: true });
    expect(getParcelDetail(world.ctx(scene.admin), parcel.id).messages.map((m) => m.status)).toEqual(["queued", "skipped"]);
    expect(auditRows(world, scene.station.organizationId).at(-1)).toMatchObject({ action: "parcel.code_resent", detail: { newCode: true } });
    expect(eventsOf(world.db, parcel.id).at(-1)).toMatchObject({ kind: "code_replaced" });
    const newCode = pickupCodeOf(world, parcel.id);
    expect(getParcelDetail(world.ctx(scene.admin), parcel.id).codeLost).toBe(false);
    const sent: OutgoingMessage[] = [];
    await deliverAll({ name: "accepting", send: async (message) => void sent.push(message) });
    expect(sent.filter((message) => message.parcelId === parcel.id).map((message) => message.text)).toEqual([expect.stringContaining(newCode)]);

    const collected = await collectParcel(world.ctx(scene.station.kiosk), { code: newCode, phoneLast4 });
    expect(collected.parcelId).toBe(parcel.id);
  });

  it("issues a new code when the look-up key was changed, so the old code no longer matches at the kiosk", async () => {
    const { parcel } = await depositHere();
    world.db.update(parcels).set({ pickupCodeHash: "0".repeat(64) }).where(eq(parcels.id, parcel.id)).run();
    await deliverAll({ name: "accepting", send: async () => {} });
    expect(resendPickupCode(world.ctx(scene.admin), { parcelId: parcel.id }).newCode).toBe(true);
    expect(parcelRow(world.db, parcel.id).pickupCodeHash).not.toBe("0".repeat(64));
  });

  it("refuses a parcel that is not waiting for its recipient, or whose pickup time is over", async () => {
    const { parcel: reserved } = await reserve(world, scene.station.courier, scene.station.site.id);
    await expectRefused(world, scene.admin, (ctx) => resendPickupCode(ctx, { parcelId: reserved.id }), "INVALID_TRANSITION");
    const { parcel } = await depositHere();
    const start = world.clock.now;
    try {
      world.clock.now = parcel.expiresAt!;
      await expectRefused(world, scene.admin, (ctx) => resendPickupCode(ctx, { parcelId: parcel.id }), "INVALID_TRANSITION");
      expect(getParcelDetail(world.ctx(scene.admin), parcel.id).can.resendCode).toBe(false);
    } finally {
      world.clock.now = start;
    }
  });

  it("another organization's parcel is NOT_FOUND; admins only", async () => {
    const { parcel: theirs } = await depositThere();
    await expectRefused(world, scene.admin, (ctx) => resendPickupCode(ctx, { parcelId: theirs.id }), "NOT_FOUND");
    const { parcel } = await depositHere();
    await expectAdminsOnly(world, scene, (ctx) => resendPickupCode(ctx, { parcelId: parcel.id }));
  });
});

describe("getParcelDetail", () => {
  it("has the whole timeline, door events included, oldest first, and the actions that apply", async () => {
    const { parcel } = await depositHere();
    const detail = getParcelDetail(world.ctx(scene.admin), String(parcel.id));
    expect(detail.timeline.map((entry) => entry.summary)).toEqual([
      expect.stringMatching(`^Door ${parcel.slot!.label} assigned`),
      "Door opened for deposit",
      "Door closed",
      "Deposited; hold period 72 h",
    ]);
    expect(detail.recipientPhone).toBe(parcel.recipientPhone);
    expect(detail.can).toEqual({ extendHold: true, cancel: false, reportIncident: true, resendCode: true });
    expect(detail.messages).toMatchObject([{ kind: "parcel_deposited", channel: "sms", recipient: parcel.recipientPhone, status: "queued", attempts: 0 }]);
    expect("pickupCodeHash" in detail || "pickupCodeCipher" in detail).toBe(false);
  });

  it("another organization's parcel, or a malformed id, is NOT_FOUND; admins only", async () => {
    const { parcel } = await depositThere();
    await expectDomainError(() => getParcelDetail(world.ctx(scene.admin), parcel.id), "NOT_FOUND");
    await expectDomainError(() => getParcelDetail(world.ctx(scene.admin), "1; drop table parcels"), "NOT_FOUND");
    await expectDomainError(() => getParcelDetail(world.ctx(scene.courier), parcel.id), "FORBIDDEN");
  });
});
