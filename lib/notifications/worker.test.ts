import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { mailboxMessages, notifications } from "@/db/schema";
import { collectParcel } from "@/lib/parcels/collect";
import { createTestWorld } from "@/lib/testing/factories";
import { createStation, deposit } from "@/lib/testing/parcels";
import { syncGroupsInBackground } from "@/db/group-commit";
import { walCommits } from "@/db/wal";
import { createMailboxTransport } from "./mailbox";
import type { MessageTransport, OutgoingMessage } from "./transport";
import { DELIVERY_POLICY, deliverDueNotifications, retryDelayMs, type DeliveryPolicy } from "./worker";

const world = createTestWorld();
afterAll(() => world.close());
const system = () => world.ctx({ kind: "system" });

/** A transport that records what it accepted and can be told to fail or to hang. */
class FakeTransport implements MessageTransport {
  readonly name = "fake";
  readonly accepted: OutgoingMessage[] = [];
  failures = 0;
  failWith = "gateway unavailable";
  /** When set, send waits for this promise before accepting. */
  gate: Promise<void> | null = null;

  async send(message: OutgoingMessage): Promise<void> {
    if (this.gate) await this.gate;
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error(this.failWith);
    }
    this.accepted.push(message);
  }
}

function notificationRows() {
  return world.db.select().from(notifications).all();
}

function rowsOf(parcelId: number) {
  return world.db.select().from(notifications).where(eq(notifications.parcelId, parcelId)).all();
}

/** Settles every queued message so each test starts with only its own. */
async function drain() {
  await deliverDueNotifications(system(), new FakeTransport(), { ...DELIVERY_POLICY, batchSize: 10_000 });
  world.db.update(notifications).set({ status: "sent" }).where(eq(notifications.status, "queued")).run();
}

const station = createStation(world);
beforeEach(drain);

describe("deliverDueNotifications", () => {
  test("sends a deposit's message with its rendered text and marks it sent only once the transport accepted it", async () => {
    const { parcel, code } = await deposit(world, station.courier, station.site.id);
    const [queued] = rowsOf(parcel.id);
    expect(queued).toMatchObject({ kind: "parcel_deposited", channel: "sms", status: "queued", attempts: 0 });
    // The outbox row names the parcel and never holds the code.
    expect(JSON.stringify(queued)).not.toContain(code);

    const transport = new FakeTransport();
    let accept!: () => void;
    transport.gate = new Promise((resolve) => (accept = resolve));
    const running = deliverDueNotifications(system(), transport);

    // Claimed and being sent, but not accepted yet: still queued.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rowsOf(parcel.id)[0]).toMatchObject({ status: "queued", attempts: 1, sentAt: null });

    accept();
    expect(await running).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
    expect(rowsOf(parcel.id)[0]).toMatchObject({ status: "sent", attempts: 1, sentAt: world.clock.now, lastError: null });
    expect(transport.accepted).toHaveLength(1);
    expect(transport.accepted[0]).toMatchObject({ to: parcel.recipientPhone, kind: "parcel_deposited", parcelId: parcel.id });
    expect(transport.accepted[0].text).toContain(code);
  });

  test("a failing transport leaves the message queued, retried with exponential backoff, then failed after the last try", async () => {
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const transport = new FakeTransport();
    transport.failures = Infinity;
    const policy: DeliveryPolicy = { ...DELIVERY_POLICY, maxAttempts: 4, baseDelayMs: 30_000 };
    const start = world.clock.now;
    try {
      expect(await deliverDueNotifications(system(), transport, policy)).toMatchObject({ retrying: 1, sent: 0 });
      let row = rowsOf(parcel.id)[0];
      expect(row).toMatchObject({ status: "queued", attempts: 1, lastError: "gateway unavailable", sentAt: null });
      expect(row.nextAttemptAt).toBe(start + 30_000);

      // Not due yet: nothing is claimed, nothing is counted.
      world.clock.now = start + 29_999;
      expect(await deliverDueNotifications(system(), transport, policy)).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });

      const waits: number[] = [];
      for (let attempt = 2; attempt <= 3; attempt++) {
        world.clock.now = row.nextAttemptAt;
        await deliverDueNotifications(system(), transport, policy);
        const next = rowsOf(parcel.id)[0];
        waits.push(next.nextAttemptAt - world.clock.now);
        expect(next).toMatchObject({ status: "queued", attempts: attempt });
        row = next;
      }
      expect(waits).toEqual([60_000, 120_000]);

      world.clock.now = row.nextAttemptAt;
      expect(await deliverDueNotifications(system(), transport, policy)).toMatchObject({ failed: 1 });
      expect(rowsOf(parcel.id)[0]).toMatchObject({ status: "failed", attempts: 4, lastError: "gateway unavailable", sentAt: null });
      expect(transport.accepted).toHaveLength(0);

      // A failed message is never tried again.
      world.clock.now += 24 * 3_600_000;
      await deliverDueNotifications(system(), transport, policy);
      expect(rowsOf(parcel.id)[0].attempts).toBe(4);
    } finally {
      world.clock.now = start;
    }
  });

  test("a message that failed once goes out on the next try and forgets the error", async () => {
    const { parcel } = await deposit(world, station.courier, station.site.id, { recipientEmail: "mei@example.com" });
    const transport = new FakeTransport();
    transport.failures = 1;
    const start = world.clock.now;
    try {
      const first = await deliverDueNotifications(system(), transport);
      expect(first).toMatchObject({ sent: 1, retrying: 1 });
      world.clock.now = start + retryDelayMs(1);
      expect(await deliverDueNotifications(system(), transport)).toMatchObject({ sent: 1 });
      const rows = rowsOf(parcel.id);
      expect(rows.map((r) => r.channel).sort()).toEqual(["email", "sms"]);
      expect(rows.every((r) => r.status === "sent" && r.lastError === null)).toBe(true);
      expect(rows.map((r) => r.attempts).sort()).toEqual([1, 2]);
    } finally {
      world.clock.now = start;
    }
  });

  test("a transport that never answers times out and counts as a failed try", async () => {
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const transport = new FakeTransport();
    transport.gate = new Promise(() => {});
    const report = await deliverDueNotifications(system(), transport, { ...DELIVERY_POLICY, sendTimeoutMs: 30 });
    expect(report).toMatchObject({ retrying: 1 });
    expect(rowsOf(parcel.id)[0].lastError).toMatch(/did not answer/);
  });

  test("two workers running at once send each message once", async () => {
    const parcels = await Promise.all([1, 2, 3].map(() => deposit(world, station.courier, station.site.id)));
    const transport = new FakeTransport();
    let open!: () => void;
    transport.gate = new Promise((resolve) => (open = resolve));
    const both = Promise.all([deliverDueNotifications(system(), transport), deliverDueNotifications(system(), transport)]);
    open();
    const reports = await both;
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    expect(transport.accepted.map((m) => m.parcelId).sort()).toEqual(parcels.map((p) => p.parcel.id).sort());
  });

  test("a pickup notice for a parcel collected before it went out is skipped, not sent", async () => {
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    await collectParcel(world.ctx(station.kiosk), { code, phoneLast4 });
    const transport = new FakeTransport();
    expect(await deliverDueNotifications(system(), transport)).toMatchObject({ sent: 1, skipped: 1 });
    const byKind = Object.fromEntries(rowsOf(parcel.id).map((r) => [r.kind, r]));
    expect(byKind.parcel_deposited).toMatchObject({ status: "skipped", lastError: "parcel is collected" });
    expect(byKind.parcel_collected).toMatchObject({ status: "sent" });
    expect(transport.accepted.map((m) => m.kind)).toEqual(["parcel_collected"]);
  });

  test("a message that cannot be rendered is retried and then fails, without stopping the others", async () => {
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const now = world.clock.now;
    world.db.insert(notifications).values({ kind: "no_such_template", parcelId: parcel.id, channel: "sms", recipient: "1", nextAttemptAt: now, createdAt: now }).run();
    const report = await deliverDueNotifications(system(), new FakeTransport(), { ...DELIVERY_POLICY, maxAttempts: 1 });
    expect(report).toMatchObject({ sent: 1, failed: 1 });
    const broken = notificationRows().find((r) => r.kind === "no_such_template")!;
    expect(broken).toMatchObject({ status: "failed", lastError: 'no template for message kind "no_such_template"' });
  });
});

describe("delivery under load", () => {
  test("a batch's writes share commits: its claim, and then every outcome and mailbox copy together", async () => {
    const roomy = createStation(world, { layout: Array.from({ length: 4 }, () => ["L" as const, "L" as const]) });
    for (let i = 0; i < 8; i++) await deposit(world, roomy.courier, roomy.site.id);
    world.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    world.db.$client.pragma("wal_autocheckpoint = 0");
    try {
      const report = await deliverDueNotifications(system(), createMailboxTransport(system()), { ...DELIVERY_POLICY, yieldAfterMs: Infinity });
      expect(report.sent).toBe(8);
      // One commit per message and per copy (17 for these 8) kept delivery to about 90 a
      // second under load (docs/PERFORMANCE.md); the claim, then the rest, make two.
      expect(walCommits(world.file)).toBeLessThanOrEqual(2);
    } finally {
      world.db.$client.pragma("wal_autocheckpoint = 1000");
    }
    expect(world.db.select().from(mailboxMessages).all().length).toBeGreaterThanOrEqual(8);
  });
});

describe("an idle outbox", () => {
  test("writes nothing and syncs nothing when no message is due", async () => {
    // Its own database: the background sync is counted here and nowhere else.
    const idle = createTestWorld();
    try {
      let syncs = 0;
      syncGroupsInBackground(idle.db.$client, async () => void syncs++);
      const queued = createStation(idle);
      await deposit(idle, queued.courier, queued.site.id);
      await deliverDueNotifications(idle.ctx({ kind: "system" }), new FakeTransport());
      const afterSending = syncs;
      expect(afterSending).toBeGreaterThan(0);

      const report = await deliverDueNotifications(idle.ctx({ kind: "system" }), new FakeTransport());
      expect(report).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
      // The outbox runs every second: an empty claim was a write transaction and a sync each time.
      expect(syncs).toBe(afterSending);
    } finally {
      idle.close();
    }
  });
});

describe("a slow gateway", () => {
  test("several messages are on their way at once, and each outcome is recorded once", async () => {
    const roomy = createStation(world, { layout: Array.from({ length: 4 }, () => ["L" as const, "L" as const]) });
    for (let i = 0; i < 5; i++) await deposit(world, roomy.courier, roomy.site.id);
    const transport = new FakeTransport();
    let open!: () => void;
    transport.gate = new Promise<void>((resolve) => (open = resolve));
    const begun: number[] = [];
    const send = transport.send.bind(transport);
    transport.send = (message) => {
      begun.push(message.notificationId);
      return send(message);
    };
    const delivering = deliverDueNotifications(system(), transport, { ...DELIVERY_POLICY, sendsInFlight: 3 });
    for (let turn = 0; turn < 20 && begun.length < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    // One at a time, a gateway answering in 200 ms would cap the outbox at 5 messages a second.
    expect(begun).toHaveLength(3);
    open();
    const report = await delivering;
    expect(report.sent).toBeGreaterThanOrEqual(5);
    expect(new Set(begun).size).toBe(begun.length);
    expect(transport.accepted.map((message) => message.notificationId).sort()).toEqual([...begun].sort());
  });
});

describe("the development mailbox transport", () => {
  test("keeps one encrypted copy per message, even when a message is delivered twice", async () => {
    const { parcel, code } = await deposit(world, station.courier, station.site.id);
    const mailbox = createMailboxTransport(system());
    await deliverDueNotifications(system(), mailbox);
    const [queued] = rowsOf(parcel.id);
    // A worker that died after delivering but before marking sent delivers again.
    await mailbox.send({ notificationId: queued.id, kind: queued.kind, channel: "sms", to: queued.recipient, subject: "again", text: "again", parcelId: parcel.id, userId: null });
    const copies = world.db.select().from(mailboxMessages).where(eq(mailboxMessages.notificationId, queued.id)).all();
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ recipient: parcel.recipientPhone, parcelId: parcel.id, kind: "parcel_deposited" });
    // The database alone does not give the code away.
    expect(JSON.stringify(copies[0])).not.toContain(code);
  });
});

test("backoff doubles from 30 seconds and is capped at an hour", () => {
  expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000]);
  expect(retryDelayMs(20)).toBe(3_600_000);
});
