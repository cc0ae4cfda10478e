import { and, desc, eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { notifications, phoneVerifications, users } from "@/db/schema";
import type { UserActor } from "@/lib/context";
import { renderNotification } from "@/lib/notifications/templates";
import { listMyParcels } from "@/lib/customer/my-parcels";
import { expectDomainError } from "@/lib/testing/domain-error";
import { asActor, createCarrier, createTestWorld, createUser } from "@/lib/testing/factories";
import { createStation, deposit } from "@/lib/testing/parcels";
import { loadUserActor } from "./accounts";
import { PHONE_CODE_POLICY, phoneVerificationStatus, requestPhoneVerification, verifyPhone } from "./phone-verification";

const world = createTestWorld();
afterAll(() => world.close());

let serial = 0;
/** A customer who signed up with `phone` and has not proved it yet. */
function newCustomer(phone = `1860000${String(++serial).padStart(4, "0")}`): UserActor {
  const user = createUser(world.db, { role: "customer", phone });
  world.db.update(users).set({ phoneVerifiedAt: null }).where(eq(users.id, user.id)).run();
  return asActor({ ...user, phoneVerifiedAt: null });
}

/** The code the outbox would text to the customer, read the way the worker renders it. */
function textedCode(customer: UserActor): string {
  const row = world.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, customer.userId), eq(notifications.kind, "phone_verification")))
    .orderBy(desc(notifications.id))
    .get()!;
  const rendering = renderNotification(world.ctx({ kind: "system" }), row);
  if (rendering.action !== "send") throw new Error(`not sent: ${rendering.reason}`);
  return /\b(\d{6})\b/.exec(rendering.message.text)![1];
}

const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

/** Runs `work` with the clock moved forward by `ms`, and puts it back. */
function later<T>(ms: number, work: () => T): T {
  world.clock.now += ms;
  try {
    return work();
  } finally {
    world.clock.now -= ms;
  }
}

describe("requesting a code", () => {
  test("queues one SMS to the customer's phone that names the code's record, never the code", () => {
    const customer = newCustomer("13600001111");
    const sent = requestPhoneVerification(world.ctx(customer));
    expect(sent).toEqual({ sentTo: "136****1111", expiresAt: world.clock.now + PHONE_CODE_POLICY.ttlMs });
    const rows = world.db.select().from(notifications).where(eq(notifications.userId, customer.userId)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "phone_verification", channel: "sms", recipient: "13600001111", status: "queued" });
    const code = textedCode(customer);
    expect(JSON.stringify(rows[0])).not.toContain(code);
    const stored = world.db.select().from(phoneVerifications).where(eq(phoneVerifications.userId, customer.userId)).get()!;
    expect(JSON.stringify(stored)).not.toContain(code);
  });

  test("is refused again within a minute, and after five codes in a day, with the time to wait", async () => {
    const customer = newCustomer();
    const start = world.clock.now;
    try {
      requestPhoneVerification(world.ctx(customer));
      const tooSoon = await expectDomainError<{ retryAfterMs: number }>(() => requestPhoneVerification(world.ctx(customer)), "LOCKED_OUT");
      expect(tooSoon.details?.retryAfterMs).toBe(PHONE_CODE_POLICY.resendAfterMs);
      for (let i = 1; i < PHONE_CODE_POLICY.maxPerDay; i++) {
        world.clock.now += PHONE_CODE_POLICY.resendAfterMs;
        requestPhoneVerification(world.ctx(customer));
      }
      world.clock.now += PHONE_CODE_POLICY.resendAfterMs;
      const capped = await expectDomainError<{ retryAfterMs: number }>(() => requestPhoneVerification(world.ctx(customer)), "LOCKED_OUT");
      expect(capped.message).toMatch(/You can ask again in \d+ minutes/);
      expect(capped.details!.retryAfterMs).toBe(start + 24 * 3_600_000 - world.clock.now);
    } finally {
      world.clock.now = start;
    }
  });

  test("only a signed-in customer whose phone is not yet confirmed may ask", async () => {
    const confirmed = asActor(createUser(world.db, { role: "customer", phone: "13600002222" }));
    await expectDomainError(() => requestPhoneVerification(world.ctx(confirmed)), "CONFLICT");
    const carrier = createCarrier(world.db);
    const courier = asActor(createUser(world.db, { role: "courier", carrierId: carrier.id, phone: "13600003333" }));
    await expectDomainError(() => requestPhoneVerification(world.ctx(courier)), "FORBIDDEN");
    await expectDomainError(() => requestPhoneVerification(world.ctx({ kind: "anonymous" })), "UNAUTHENTICATED");
  });
});

describe("verifying the phone", () => {
  test("the texted code confirms the phone, and the customer then sees the parcels addressed to it", async () => {
    const station = createStation(world);
    const phone = "13600004444";
    const { parcel } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    const customer = newCustomer(phone);
    expect(listMyParcels(world.ctx(customer))).toEqual([]);

    requestPhoneVerification(world.ctx(customer));
    expect(phoneVerificationStatus(world.ctx(customer))).toMatchObject({ verified: false, pending: { triesLeft: 5 } });
    expect(verifyPhone(world.ctx(customer), { code: textedCode(customer) })).toEqual({ maskedPhone: "136****4444" });

    const actor = loadUserActor(world.db, customer.userId)!;
    expect(actor.verifiedPhone).toBe(phone);
    expect(listMyParcels(world.ctx(actor)).map((p) => p.id)).toEqual([parcel.id]);
    expect(phoneVerificationStatus(world.ctx(actor))).toMatchObject({ verified: true, pending: null });
    // Used once: the copy the outbox could render is gone.
    const row = world.db.select().from(phoneVerifications).where(eq(phoneVerifications.userId, customer.userId)).get()!;
    expect(row.codeCipher).toBeNull();
    expect(row.verifiedAt).toBe(world.clock.now);
  });

  test("wrong codes count down the tries, each in its own commit; the fifth spends the code for good", async () => {
    const customer = newCustomer();
    requestPhoneVerification(world.ctx(customer));
    const code = textedCode(customer);
    for (let left = PHONE_CODE_POLICY.maxTries - 1; left >= 1; left--) {
      const error = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(
        () => verifyPhone(world.ctx(customer), { code: other(code) }),
        "INVALID",
      );
      expect(error.details!.fieldErrors.code[0]).toBe(`That code is not right. ${left} ${left === 1 ? "try" : "tries"} left.`);
      // What the page's card shows agrees with the field error.
      expect(phoneVerificationStatus(world.ctx(customer))).toMatchObject({ pending: { triesLeft: left }, usedUp: false });
    }
    const last = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(() => verifyPhone(world.ctx(customer), { code: other(code) }), "INVALID");
    expect(last.details!.fieldErrors.code[0]).toMatch(/now used up/);
    // Even the right code no longer works.
    await expectDomainError(() => verifyPhone(world.ctx(customer), { code }), "INVALID");
    expect(loadUserActor(world.db, customer.userId)!.verifiedPhone).toBeNull();
    expect(phoneVerificationStatus(world.ctx(customer))).toMatchObject({ pending: null, usedUp: true });
  });

  test("a code expires after ten minutes, and a new code retires the old one", async () => {
    const customer = newCustomer();
    requestPhoneVerification(world.ctx(customer));
    const first = textedCode(customer);
    await later(PHONE_CODE_POLICY.ttlMs, () => expectDomainError(() => verifyPhone(world.ctx(customer), { code: first }), "INVALID"));

    later(PHONE_CODE_POLICY.resendAfterMs, () => requestPhoneVerification(world.ctx(customer)));
    const second = textedCode(customer);
    if (second !== first) await expectDomainError(() => verifyPhone(world.ctx(customer), { code: first }), "INVALID");
    expect(verifyPhone(world.ctx(customer), { code: second }).maskedPhone).toMatch(/\*{4}/);
  });

  test("a code sent to one account cannot confirm another's phone", async () => {
    const alice = newCustomer("13600003001");
    const mallory = newCustomer("13600003002");
    requestPhoneVerification(world.ctx(alice));
    requestPhoneVerification(world.ctx(mallory));
    await expectDomainError(() => verifyPhone(world.ctx(mallory), { code: textedCode(alice) }), "INVALID");
    expect(loadUserActor(world.db, mallory.userId)!.verifiedPhone).toBeNull();
    // The message to Alice is still sent and still good for her, and proves her phone only.
    expect(verifyPhone(world.ctx(alice), { code: textedCode(alice) })).toEqual({ maskedPhone: "136****3001" });
    expect(loadUserActor(world.db, alice.userId)!.verifiedPhone).toBe("13600003001");
    expect(loadUserActor(world.db, mallory.userId)!.verifiedPhone).toBeNull();
  });

  test("the code must be 6 digits", async () => {
    const customer = newCustomer();
    const error = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(() => verifyPhone(world.ctx(customer), { code: "12ab" }), "INVALID");
    expect(error.details!.fieldErrors.code).toEqual(["The code has 6 digits."]);
  });

  test("a message for a code already replaced is skipped rather than sent", () => {
    const customer = newCustomer();
    requestPhoneVerification(world.ctx(customer));
    const firstMessage = world.db.select().from(notifications).where(eq(notifications.userId, customer.userId)).get()!;
    later(PHONE_CODE_POLICY.resendAfterMs, () => requestPhoneVerification(world.ctx(customer)));
    expect(renderNotification(world.ctx({ kind: "system" }), firstMessage)).toEqual({ action: "skip", reason: "code no longer valid" });
  });
});

describe("a phone number held by unconfirmed sign-ups (squatting)", () => {
  test("belongs to whoever proves it first; the other account is then refused clearly and sees nothing", async () => {
    const phone = "13600007001";
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id, { recipientPhone: phone });
    const squatter = newCustomer(phone);
    const owner = newCustomer(phone);
    requestPhoneVerification(world.ctx(squatter));
    later(PHONE_CODE_POLICY.resendAfterMs, () => requestPhoneVerification(world.ctx(owner)));
    const squattersCode = textedCode(squatter);

    expect(verifyPhone(world.ctx(owner), { code: textedCode(owner) })).toEqual({ maskedPhone: "136****7001" });
    const refused = await expectDomainError(() => verifyPhone(world.ctx(squatter), { code: squattersCode }), "CONFLICT");
    expect(refused.message).toMatch(/already confirmed on another account/);
    expect(loadUserActor(world.db, squatter.userId)!.verifiedPhone).toBeNull();
    expect(listMyParcels(world.ctx(loadUserActor(world.db, squatter.userId)!))).toEqual([]);
    expect(listMyParcels(world.ctx(loadUserActor(world.db, owner.userId)!)).map((p) => p.id)).toEqual([parcel.id]);
    // And no more texts to the owner for the squatter's account.
    await later(2 * PHONE_CODE_POLICY.resendAfterMs, () => expectDomainError(() => requestPhoneVerification(world.ctx(squatter)), "CONFLICT"));
  });

  test("the daily cap on codes counts per phone number, however many accounts ask", async () => {
    const phone = "13600007002";
    const start = world.clock.now;
    try {
      for (let i = 0; i < PHONE_CODE_POLICY.maxPerDay; i++) {
        requestPhoneVerification(world.ctx(newCustomer(phone)));
        world.clock.now += PHONE_CODE_POLICY.resendAfterMs;
      }
      const capped = await expectDomainError(() => requestPhoneVerification(world.ctx(newCustomer(phone))), "LOCKED_OUT");
      expect(capped.message).toMatch(/You can ask again in \d+ minutes/);
      const texts = world.db.select().from(notifications).where(eq(notifications.recipient, phone)).all();
      expect(texts).toHaveLength(PHONE_CODE_POLICY.maxPerDay);
      // Another number is not held up.
      expect(requestPhoneVerification(world.ctx(newCustomer())).sentTo).toMatch(/\*{4}/);
    } finally {
      world.clock.now = start;
    }
  });

  test("a second account asking within a minute of the first waits like the first would", async () => {
    const phone = "13600007003";
    requestPhoneVerification(world.ctx(newCustomer(phone)));
    await expectDomainError(() => requestPhoneVerification(world.ctx(newCustomer(phone))), "LOCKED_OUT");
  });
});
