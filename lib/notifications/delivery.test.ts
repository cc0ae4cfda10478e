import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { mailboxMessages, notifications } from "@/db/schema";
import { createTestWorld } from "@/lib/testing/factories";
import { createStation, deposit } from "@/lib/testing/parcels";
import { keepingParcelCopies } from "./delivery";
import { createMailboxTransport } from "./mailbox";
import type { MessageTransport, OutgoingMessage } from "./transport";

const world = createTestWorld();
afterAll(() => world.close());

const message = (notificationId: number, parcelId: number | null, kind: string): OutgoingMessage => ({
  notificationId,
  kind,
  channel: "sms",
  to: "13800000001",
  subject: "",
  text: kind === "phone_verification" ? "482913 is your code to confirm this phone number" : "Your parcel is in door A-07",
  parcelId,
  userId: null,
});

describe("a real transport keeps copies of parcel messages", () => {
  const mailbox = createMailboxTransport(world.ctx({ kind: "system" }));
  const queuedFor = (parcelId: number) =>
    world.db.select().from(notifications).where(and(eq(notifications.parcelId, parcelId), eq(notifications.channel, "sms"))).get()!.id;
  const copies = (notificationId: number) =>
    world.db.select().from(mailboxMessages).where(eq(mailboxMessages.notificationId, notificationId)).all();

  test("a parcel's message goes out and is filed for the customer's Messages page; an account code is never filed", async () => {
    const sent: OutgoingMessage[] = [];
    const gateway: MessageTransport = { name: "gateway", send: async (m) => void sent.push(m) };
    const transport = keepingParcelCopies(gateway, mailbox);
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const queued = queuedFor(parcel.id);
    await transport.send(message(queued, parcel.id, "parcel_deposited"));
    await transport.send(message(queued + 1_000_000, null, "phone_verification"));
    expect(sent.map((m) => m.notificationId)).toEqual([queued, queued + 1_000_000]);
    expect(copies(queued)).toMatchObject([{ parcelId: parcel.id, kind: "parcel_deposited", recipient: "13800000001" }]);
    expect(copies(queued + 1_000_000)).toEqual([]);
  });

  test("a message the gateway refused leaves no copy, so nobody reads it as sent", async () => {
    const refusing: MessageTransport = { name: "gateway", send: () => Promise.reject(new Error("503")) };
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const queued = queuedFor(parcel.id);
    await expect(keepingParcelCopies(refusing, mailbox).send(message(queued, parcel.id, "parcel_deposited"))).rejects.toThrow("503");
    expect(copies(queued)).toEqual([]);
  });
});
