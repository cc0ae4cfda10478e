import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { userSessions, users } from "@/db/schema";
import { createCourier, deactivateCourier, reactivateCourier } from "@/lib/people/couriers";
import { adminScene } from "@/lib/testing/admin";
import { expectDomainError } from "@/lib/testing/domain-error";
import { asActor, createTestWorld, createUser } from "@/lib/testing/factories";
import { changePassword, signUpCustomer, verifyCredentials } from "./accounts";
import { sessionLifetimeMs } from "./session-policy";
import { endSession, pruneSessions, sessionIsOpen, startSession } from "./sessions";

const world = createTestWorld();
afterAll(() => world.close());

const PASSWORD = "correct horse battery";
const HOUR = 3_600_000;

describe("a signed-in session", () => {
  test("is open from sign-in until it is signed out, and only for its own user", () => {
    const now = world.clock.now;
    const mine = createUser(world.db, { role: "customer" }).id;
    const someoneElse = createUser(world.db, { role: "customer" }).id;
    const id = startSession(world.db, mine, "customer", now);
    expect(sessionIsOpen(world.db, id, mine, now + HOUR)).toBe(true);
    expect(sessionIsOpen(world.db, id, someoneElse, now + HOUR)).toBe(false);
    expect(sessionIsOpen(world.db, undefined, mine, now)).toBe(false);
    expect(sessionIsOpen(world.db, "made-up", mine, now)).toBe(false);

    // Signing out (Auth.js's signOut event) ends the row: the same cookie no longer counts.
    endSession(world.db, id, now + HOUR);
    expect(sessionIsOpen(world.db, id, mine, now + HOUR + 1)).toBe(false);
  });

  test("ends by itself after its role's lifetime", () => {
    const scene = adminScene(world);
    const adminId = (scene.admin as { userId: number }).userId;
    const customerId = createUser(world.db, { role: "customer" }).id;
    const now = world.clock.now;
    const staff = startSession(world.db, adminId, "admin", now);
    expect(sessionIsOpen(world.db, staff, adminId, now + sessionLifetimeMs("admin") - 1)).toBe(true);
    expect(sessionIsOpen(world.db, staff, adminId, now + sessionLifetimeMs("admin"))).toBe(false);
    const customer = startSession(world.db, customerId, "customer", now);
    expect(sessionIsOpen(world.db, customer, customerId, now + 13 * HOUR)).toBe(true);
  });

  test("rows that ended or ran out are pruned; open ones stay open", () => {
    const now = world.clock.now;
    const userId = createUser(world.db, { role: "customer" }).id;
    const open = startSession(world.db, userId, "customer", now);
    const signedOut = startSession(world.db, userId, "customer", now);
    endSession(world.db, signedOut, now + 1);
    const later = now + 2;
    pruneSessions(world.db, later);
    expect(sessionIsOpen(world.db, open, userId, later)).toBe(true);
    const rows = world.db.select().from(userSessions).where(eq(userSessions.userId, userId)).all();
    expect(rows.map((row) => row.id)).toEqual([open]);

    pruneSessions(world.db, now + sessionLifetimeMs("customer") + 1);
    expect(world.db.select().from(userSessions).where(eq(userSessions.userId, userId)).all()).toEqual([]);
  });
});

describe("changing the password", () => {
  test("ends every other session of the user, keeps the one it was made from, and sets the new password", async () => {
    const user = await signUpCustomer(world.db, { name: "Pat", email: "pat@example.com", phone: "13500009001", password: PASSWORD });
    const now = world.clock.now;
    const here = startSession(world.db, user.id, "customer", now);
    const laptop = startSession(world.db, user.id, "customer", now);
    const stolen = startSession(world.db, user.id, "customer", now);
    const actor = { ...asActor(world.db.select().from(users).where(eq(users.id, user.id)).get()!), sessionId: here };

    await changePassword(world.ctx(actor), { currentPassword: PASSWORD, newPassword: "a brand new password" });

    expect(sessionIsOpen(world.db, here, user.id, now + 1)).toBe(true);
    expect(sessionIsOpen(world.db, laptop, user.id, now + 1)).toBe(false);
    expect(sessionIsOpen(world.db, stolen, user.id, now + 1)).toBe(false);
    expect(await verifyCredentials(world.db, { identifier: "pat@example.com", password: PASSWORD })).toBeNull();
    expect((await verifyCredentials(world.db, { identifier: "pat@example.com", password: "a brand new password" }))?.id).toBe(user.id);
  });

  test("refuses a wrong current password and ends nothing", async () => {
    const user = await signUpCustomer(world.db, { name: "Quin", email: "quin@example.com", phone: "13500009002", password: PASSWORD });
    const now = world.clock.now;
    const here = startSession(world.db, user.id, "customer", now);
    const other = startSession(world.db, user.id, "customer", now);
    const actor = { ...asActor(world.db.select().from(users).where(eq(users.id, user.id)).get()!), sessionId: here };
    const error = await expectDomainError<{ fieldErrors: Record<string, string[]> }>(
      () => changePassword(world.ctx(actor), { currentPassword: "not my password", newPassword: "a brand new password" }),
      "INVALID",
    );
    expect(error.details!.fieldErrors.currentPassword).toEqual(["That is not your current password."]);
    expect(sessionIsOpen(world.db, other, user.id, now + 1)).toBe(true);
    await expectDomainError(() => changePassword(world.ctx({ kind: "anonymous" }), { currentPassword: PASSWORD, newPassword: "x".repeat(12) }), "UNAUTHENTICATED");
  });
});

test("deactivating a courier ends all their sessions, and reactivating does not bring them back", async () => {
  const scene = adminScene(world);
  const courier = await createCourier(world.ctx(scene.admin), {
    name: "Ma Li",
    phone: "13700006001",
    email: "",
    carrierId: String(scene.station.carrier.id),
    siteIds: [String(scene.station.site.id)],
    password: PASSWORD,
  });
  const now = world.clock.now;
  const phone = startSession(world.db, courier.id, "courier", now);
  const handheld = startSession(world.db, courier.id, "courier", now);
  deactivateCourier(world.ctx(scene.admin), { userId: courier.id });
  reactivateCourier(world.ctx(scene.admin), { userId: courier.id });
  expect(sessionIsOpen(world.db, phone, courier.id, now + 1)).toBe(false);
  expect(sessionIsOpen(world.db, handheld, courier.id, now + 1)).toBe(false);
  // A fresh sign-in works again.
  expect(sessionIsOpen(world.db, startSession(world.db, courier.id, "courier", now), courier.id, now + 1)).toBe(true);
});
