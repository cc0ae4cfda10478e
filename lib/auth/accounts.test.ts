import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { users } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { createTestWorld } from "@/lib/testing/factories";
import { loadUserActor, signUpCustomer, verifyCredentials } from "./accounts";
import { checkSessionToken, sessionLifetimeMs } from "./session-policy";

const world = createTestWorld();
afterAll(() => world.close());

const PASSWORD = "correct horse battery";

describe("customer sign-up", () => {
  test("creates a customer whose password is stored as an argon2id hash and whose phone is not yet verified", async () => {
    const user = await signUpCustomer(world.db, { name: "Mei", email: "Mei@Example.com", phone: "+86 138 0000 7777", password: PASSWORD });
    const row = world.db.select().from(users).where(eq(users.id, user.id)).get()!;
    expect(row.role).toBe("customer");
    expect(row.email).toBe("mei@example.com");
    expect(row.phone).toBe("+8613800007777");
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.phoneVerifiedAt).toBeNull();
    // The session view of the user never carries the hash.
    expect(JSON.stringify(user)).not.toContain("argon2");
    expect(loadUserActor(world.db, user.id)?.verifiedPhone).toBeNull();
  });

  test("refuses a taken email, or a phone another account has confirmed, with a message on that field, and writes nothing", async () => {
    const ann = await signUpCustomer(world.db, { name: "Ann", email: "ann@example.com", phone: "13800008888", password: PASSWORD });
    world.db.update(users).set({ phoneVerifiedAt: Date.now() }).where(eq(users.id, ann.id)).run();
    const before = world.db.select().from(users).all().length;

    const sameEmail = signUpCustomer(world.db, { name: "Ann 2", email: "ANN@example.com", phone: "13800008889", password: PASSWORD });
    await expect(sameEmail).rejects.toMatchObject({ code: "CONFLICT", details: { fieldErrors: { email: [expect.any(String)] } } });

    const samePhone = signUpCustomer(world.db, { name: "Ann 3", email: "ann3@example.com", phone: "138-0000-8888", password: PASSWORD });
    await expect(samePhone).rejects.toMatchObject({ code: "CONFLICT", details: { fieldErrors: { phone: [expect.any(String)] } } });

    expect(world.db.select().from(users).all().length).toBe(before);
  });

  test("an unconfirmed sign-up holds no phone number: its owner can still sign up with it", async () => {
    const squatter = await signUpCustomer(world.db, { name: "Sq", email: "squatter@example.com", phone: "13800005555", password: PASSWORD });
    const owner = await signUpCustomer(world.db, { name: "Owner", email: "owner@example.com", phone: "138 0000 5555", password: PASSWORD });
    expect(owner.id).not.toBe(squatter.id);
    const phones = world.db.select({ phone: users.phone }).from(users).where(eq(users.phone, "13800005555")).all();
    expect(phones).toHaveLength(2);
  });
  test("refuses bad input field by field", async () => {
    const error = await signUpCustomer(world.db, { name: "", email: "not-an-email", phone: "12ab", password: "short" }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("INVALID");
    expect(Object.keys(error.details.fieldErrors).sort()).toEqual(["email", "name", "password", "phone"]);
  });
});

describe("sign-in", () => {
  test("accepts email (any case) or phone (any spelling) with the right password only", async () => {
    const user = await signUpCustomer(world.db, { name: "Kai", email: "kai@example.com", phone: "13800009999", password: PASSWORD });
    world.db.update(users).set({ phoneVerifiedAt: Date.now() }).where(eq(users.id, user.id)).run();
    expect((await verifyCredentials(world.db, { identifier: "KAI@example.com", password: PASSWORD }))?.id).toBe(user.id);
    expect((await verifyCredentials(world.db, { identifier: "138 0000 9999", password: PASSWORD }))?.id).toBe(user.id);
    expect(await verifyCredentials(world.db, { identifier: "kai@example.com", password: "wrong password" })).toBeNull();
    expect(await verifyCredentials(world.db, { identifier: "nobody@example.com", password: PASSWORD })).toBeNull();
  });

  test("a phone number signs in only to the account that confirmed it; an unconfirmed one signs in by email", async () => {
    const squatter = await signUpCustomer(world.db, { name: "Sq", email: "sq2@example.com", phone: "13800004444", password: PASSWORD });
    const owner = await signUpCustomer(world.db, { name: "Owner", email: "owner2@example.com", phone: "13800004444", password: PASSWORD });
    // Nobody proved the number yet: it signs in to nobody, whose password it is.
    expect(await verifyCredentials(world.db, { identifier: "13800004444", password: PASSWORD })).toBeNull();
    expect((await verifyCredentials(world.db, { identifier: "sq2@example.com", password: PASSWORD }))?.id).toBe(squatter.id);
    world.db.update(users).set({ phoneVerifiedAt: Date.now() }).where(eq(users.id, owner.id)).run();
    expect((await verifyCredentials(world.db, { identifier: "138 0000 4444", password: PASSWORD }))?.id).toBe(owner.id);
    // The squatter's account keeps working by email, never by the phone.
    expect((await verifyCredentials(world.db, { identifier: "sq2@example.com", password: PASSWORD }))?.id).toBe(squatter.id);
  });

  test("a deactivated account can neither sign in nor keep acting on an old session", async () => {
    const user = await signUpCustomer(world.db, { name: "Lu", email: "lu@example.com", phone: "13800006666", password: PASSWORD });
    world.db.update(users).set({ active: false }).where(eq(users.id, user.id)).run();
    expect(await verifyCredentials(world.db, { identifier: "lu@example.com", password: PASSWORD })).toBeNull();
    expect(loadUserActor(world.db, user.id)).toBeNull();
  });
});

test("courier and admin sessions end within 12 hours; customers stay signed in longer", () => {
  expect(sessionLifetimeMs("courier")).toBeLessThanOrEqual(12 * 3_600_000);
  expect(sessionLifetimeMs("admin")).toBeLessThanOrEqual(12 * 3_600_000);
  expect(sessionLifetimeMs("customer")).toBeGreaterThan(12 * 3_600_000);
});

test("a courier's session token is refused after 12 hours, a customer's is not", () => {
  const start = Date.UTC(2026, 10, 26, 8);
  const courier = checkSessionToken({}, "courier", start)!;
  expect(checkSessionToken(courier, undefined, start + 11 * 3_600_000)).not.toBeNull();
  expect(checkSessionToken(courier, undefined, start + 12 * 3_600_000 + 1)).toBeNull();
  const customer = checkSessionToken({}, "customer", start)!;
  expect(checkSessionToken(customer, undefined, start + 13 * 3_600_000)).not.toBeNull();
  expect(checkSessionToken({ role: "admin" }, undefined, start)).toBeNull();
});
