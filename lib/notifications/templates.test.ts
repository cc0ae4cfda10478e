import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { notifications, sites, users } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { collectParcel } from "@/lib/parcels/collect";
import { extendHold, HOLD_EXTENSION_MS } from "@/lib/parcels/extend-hold";
import { expireOverdueParcels, queueReminders } from "@/lib/parcels/sweep";
import { createCustomer, createTestWorld } from "@/lib/testing/factories";
import { createStation, deposit, parcelRow, slotRow } from "@/lib/testing/parcels";
import { queueParcelMessage } from "./outbox";
import { renderNotification, type Rendering } from "./templates";

const world = createTestWorld();
afterAll(() => world.close());
const system = () => world.ctx({ kind: "system" });

const station = createStation(world, { name: "Library Plaza Station" });
world.db
  .update(sites)
  // English by default here (recipients without an account get the site's language); the
  // Chinese messages have their own describe below.
  .set({ address: "West side of the Main Library", openingHours: "07:00–23:00 daily", defaultLocale: "en" })
  .where(eq(sites.id, station.site.id))
  .run();

function message(parcelId: number, kind: string, channel: "sms" | "email" = "sms") {
  const row = world.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.parcelId, parcelId), eq(notifications.kind, kind), eq(notifications.channel, channel)))
    .get();
  if (!row) throw new Error(`no ${channel} ${kind} message for parcel ${parcelId}`);
  return row;
}

function sent(rendering: Rendering) {
  if (rendering.action !== "send") throw new Error(`expected a message, got skip: ${rendering.reason}`);
  return rendering.message;
}

describe("parcel messages", () => {
  test("the deposit SMS gives the site, address, hours, door, pickup code and deadline", async () => {
    const { parcel, code } = await deposit(world, station.courier, station.site.id);
    const door = slotRow(world.db, parcel.slot!.id).label;
    const { text } = sent(renderNotification(system(), message(parcel.id, "parcel_deposited")));
    expect(text).toContain("Library Plaza Station, West side of the Main Library");
    expect(text).toContain("07:00–23:00 daily");
    expect(text).toContain(`door ${door}`);
    expect(text).toContain(`Pickup code ${code}`);
    expect(text).toContain("last 4 digits of your phone");
    expect(text).toContain(`Collect by ${formatDateTime(parcel.expiresAt!)}`);
    expect(text).toContain(parcel.trackingNumber);
  });

  test("the deposit email keeps the code out of its subject line, which lock screens show", async () => {
    const { parcel, code } = await deposit(world, station.courier, station.site.id, { recipientEmail: "mei@example.com" });
    const email = sent(renderNotification(system(), message(parcel.id, "parcel_deposited", "email")));
    expect(email.subject).toBe(`Your Test Express parcel is waiting at Library Plaza Station`);
    expect(email.subject).not.toContain(code);
    expect(email.text).toContain(`Pickup code: ${code}`);
    expect(email.text).toContain("Opening hours: 07:00–23:00 daily");
  });

  test("a message is rendered when sent: a reminder after an extended hold tells the new deadline", async () => {
    const phone = "13912340001";
    const customer = createCustomer(world.db, phone);
    const { parcel, code } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    extendHold(world.ctx(customer), { parcelId: parcel.id });
    queueParcelMessage(system(), parcelRow(world.db, parcel.id), "pickup_reminder");
    const { text, subject } = sent(renderNotification(system(), message(parcel.id, "pickup_reminder")));
    expect(subject).toBe(`Reminder: collect your Test Express parcel ${parcel.trackingNumber}`);
    expect(text).toContain(`Collect by ${formatDateTime(parcel.expiresAt! + HOLD_EXTENSION_MS)}`);
    expect(text).toContain(code);
  });

  test("the sweep's reminder says how long is left", async () => {
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const start = world.clock.now;
    try {
      world.clock.now = parcel.expiresAt! - 5 * 3_600_000;
      queueReminders(system());
      expect(sent(renderNotification(system(), message(parcel.id, "pickup_reminder"))).text).toContain("(5 h 0 min left)");
    } finally {
      world.clock.now = start;
    }
  });

  test("the expiry notice says whom to call, and a late deposit notice is skipped", async () => {
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const start = world.clock.now;
    try {
      world.clock.now = parcel.expiresAt! + 1;
      expireOverdueParcels(system());
      const { text } = sent(renderNotification(system(), message(parcel.id, "parcel_expired")));
      expect(text).toContain(`ended on ${formatDateTime(parcel.expiresAt!)}`);
      expect(text).toContain("waiting for Test Express to take it back; call Test Express on 400-000-0000");
      expect(renderNotification(system(), message(parcel.id, "parcel_deposited"))).toEqual({ action: "skip", reason: "parcel is expired" });
    } finally {
      world.clock.now = start;
    }
  });

  test("the collection notice names the door and the time, and tells who to call if it was not you", async () => {
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    await collectParcel(world.ctx(station.kiosk), { code, phoneLast4 });
    const { text } = sent(renderNotification(system(), message(parcel.id, "parcel_collected")));
    expect(text).toContain(`was collected from door ${parcel.slot!.label} at Library Plaza Station on ${formatDateTime(world.clock.now)}`);
    expect(text).toContain("Not you? Call Test Express on 400-000-0000.");
    expect(text).not.toContain(code);
  });

  test("a message whose parcel is gone cannot be rendered", () => {
    const broken = { ...message(1, "parcel_deposited"), parcelId: 999_999 };
    expect(() => renderNotification(system(), broken)).toThrow(/parcel 999999 not found/);
  });
});

describe("each recipient's language", () => {
  const chineseSite = createStation(world, { name: "图书馆驿站" });
  world.db
    .update(sites)
    .set({ address: "图书馆西侧", openingHours: "07:00–23:00", defaultLocale: "zh-CN", timeZone: "Asia/Shanghai" })
    .where(eq(sites.id, chineseSite.site.id))
    .run();

  function confirmedCustomer(phone: string, locale: "zh-CN" | "en") {
    const customer = createCustomer(world.db, phone);
    world.db.update(users).set({ phoneVerifiedAt: world.clock.now, locale }).where(eq(users.id, customer.userId)).run();
    return customer;
  }

  test("a text to a recipient whose account is in Chinese is in Chinese, at an English-speaking site too", async () => {
    const phone = "13912340101";
    confirmedCustomer(phone, "zh-CN");
    const { parcel, code } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    const { text, subject } = sent(renderNotification(system(), message(parcel.id, "parcel_deposited")));
    expect(text).toContain(`取件码 ${code}`);
    expect(text).toContain("手机号后四位");
    expect(text).toContain("【校园快递柜】");
    expect(subject).toContain("已到柜");
    expect(text).not.toMatch(/Pickup code|Collect by/);
  });

  test("a text to a recipient whose account is in English is in English, at a Chinese site too", async () => {
    const phone = "13912340102";
    confirmedCustomer(phone, "en");
    const { parcel, code } = await deposit(world, chineseSite.courier, chineseSite.site.id, { recipientPhone: phone });
    const { text } = sent(renderNotification(system(), message(parcel.id, "parcel_deposited")));
    expect(text).toContain(`Pickup code ${code}`);
    expect(text).toContain("图书馆驿站");
    expect(text).not.toContain("取件码");
  });

  test("someone with no account gets the site's language, with the deadline in the site's time zone", async () => {
    world.db.update(sites).set({ timeZone: "Europe/Berlin" }).where(eq(sites.id, chineseSite.site.id)).run();
    try {
      const { parcel, code } = await deposit(world, chineseSite.courier, chineseSite.site.id, { recipientPhone: "13912340103" });
      const { text } = sent(renderNotification(system(), message(parcel.id, "parcel_deposited")));
      expect(text).toContain(`取件码 ${code}`);
      const berlin = new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin", hourCycle: "h23" }).format(parcel.expiresAt!);
      const shanghai = new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai", hourCycle: "h23" }).format(parcel.expiresAt!);
      expect(berlin).not.toBe(shanghai);
      expect(text).toContain(`请在 ${berlin} 前取件`);
    } finally {
      world.db.update(sites).set({ timeZone: "Asia/Shanghai" }).where(eq(sites.id, chineseSite.site.id)).run();
    }
  });

  test("the collection notice in Chinese names the door and whom to call", async () => {
    const { parcel, code, phoneLast4 } = await deposit(world, chineseSite.courier, chineseSite.site.id, { recipientPhone: "13912340104" });
    await collectParcel(world.ctx(chineseSite.kiosk), { code, phoneLast4 });
    const { text } = sent(renderNotification(system(), message(parcel.id, "parcel_collected")));
    expect(text).toContain(`${parcel.slot!.label} 号格口`);
    expect(text).toContain("不是本人取件？请致电「Test Express」400-000-0000");
  });
});
