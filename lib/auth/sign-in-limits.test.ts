import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createTestWorld } from "@/lib/testing/factories";
import { signInWithPassword, signUpCustomer } from "./accounts";
import { clientAddress } from "@/lib/security/client-address";
import * as password from "./password";
import { SIGN_IN_LIMITS } from "./sign-in-limits";

const world = createTestWorld();
afterAll(() => world.close());

// The limiter reads Date.now(); only the date is faked, so argon2 and promises run as usual.
const START = Date.UTC(2026, 10, 30, 8);
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const PASSWORD = "correct horse battery";
const WRONG = "not the password at all";
let serial = 0;

async function customer() {
  serial += 1;
  const email = `limit${serial}@example.com`;
  const phone = `1390000${String(serial).padStart(4, "0")}`;
  const user = await signUpCustomer(world.db, { name: `Limit ${serial}`, email, phone, password: PASSWORD });
  world.db.update(users).set({ phoneVerifiedAt: Date.now() }).where(eq(users.id, user.id)).run();
  return { ...user, email, phone };
}

const tries = SIGN_IN_LIMITS.perAccount.points;

describe("guessing one account's password", () => {
  test("25 wrong passwords and then the right one: refused from the 11th, the right one included, with the wait", async () => {
    const user = await customer();
    for (let i = 0; i < tries; i++) {
      expect(await signInWithPassword(world.db, { identifier: user.email, password: WRONG }, `10.0.0.${i}`)).toBeNull();
    }
    for (let i = tries; i < 25; i++) {
      const refused = await expectDomainError(() => signInWithPassword(world.db, { identifier: user.email, password: WRONG }, `10.0.1.${i}`), "LOCKED_OUT");
      expect(refused.message).toBe("Too many attempts. Try again in 15 minutes.");
    }
    // The right password, from a fresh address and in another spelling of the account, is refused too.
    await expectDomainError(() => signInWithPassword(world.db, { identifier: user.email.toUpperCase(), password: PASSWORD }, "10.0.2.1"), "LOCKED_OUT");
    vi.setSystemTime(START + 10 * 60_000);
    const later = await expectDomainError(() => signInWithPassword(world.db, { identifier: user.email, password: PASSWORD }, "10.0.2.1"), "LOCKED_OUT");
    expect(later.message).toBe("Too many attempts. Try again in 5 minutes.");
    // Once the window is over, the right password works.
    vi.setSystemTime(START + SIGN_IN_LIMITS.perAccount.windowSeconds * 1000 + 1);
    expect((await signInWithPassword(world.db, { identifier: user.email, password: PASSWORD }, "10.0.2.1"))?.id).toBe(user.id);
  });

  test("a right password starts the account's count over", async () => {
    const user = await customer();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < tries - 1; i++) {
        expect(await signInWithPassword(world.db, { identifier: user.phone, password: WRONG }, `10.1.${round}.${i}`)).toBeNull();
      }
      expect((await signInWithPassword(world.db, { identifier: user.phone, password: PASSWORD }, `10.1.${round}.99`))?.id).toBe(user.id);
    }
  });

  test("a refused try costs no hash, for an account that exists as for one that does not; an unknown account costs one like a known one", async () => {
    const user = await customer();
    const verify = vi.spyOn(password, "verifyPassword");
    expect(await signInWithPassword(world.db, { identifier: "nobody-here@example.com", password: WRONG }, "10.2.0.1")).toBeNull();
    expect(await signInWithPassword(world.db, { identifier: user.email, password: WRONG }, "10.2.0.1")).toBeNull();
    expect(verify).toHaveBeenCalledTimes(2);
    for (let i = 1; i < tries; i++) {
      await signInWithPassword(world.db, { identifier: "nobody-here@example.com", password: WRONG }, `10.2.1.${i}`);
      await signInWithPassword(world.db, { identifier: user.email, password: WRONG }, `10.2.2.${i}`);
    }
    verify.mockClear();
    await expectDomainError(() => signInWithPassword(world.db, { identifier: "nobody-here@example.com", password: WRONG }, "10.2.3.1"), "LOCKED_OUT");
    await expectDomainError(() => signInWithPassword(world.db, { identifier: user.email, password: PASSWORD }, "10.2.3.1"), "LOCKED_OUT");
    expect(verify).not.toHaveBeenCalled();
  });
});

describe("one address guessing many accounts", () => {
  test("is refused after its failed tries, whichever accounts it names, while others still sign in", async () => {
    const user = await customer();
    // Hashes are the same as above; these tests are about the counting, so they are skipped.
    vi.spyOn(password, "verifyPassword").mockImplementation(async (_hash, given) => given === PASSWORD);
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.points; i++) {
      expect(await signInWithPassword(world.db, { identifier: `someone${i}@example.com`, password: WRONG }, "203.0.113.9")).toBeNull();
    }
    await expectDomainError(() => signInWithPassword(world.db, { identifier: user.email, password: PASSWORD }, "203.0.113.9"), "LOCKED_OUT");
    expect((await signInWithPassword(world.db, { identifier: user.email, password: PASSWORD }, "198.51.100.7"))?.id).toBe(user.id);
  });

  test("right passwords do not count against an address (a campus gateway signs in many people)", async () => {
    const user = await customer();
    vi.spyOn(password, "verifyPassword").mockResolvedValue(true);
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.points + 5; i++) {
      expect((await signInWithPassword(world.db, { identifier: user.email, password: PASSWORD }, "192.0.2.50"))?.id).toBe(user.id);
    }
  });

  test("the counts are kept in the database, so a new process (a restart) does not forget them", async () => {
    const user = await customer();
    for (let i = 0; i < tries; i++) await signInWithPassword(world.db, { identifier: user.email, password: WRONG }, "10.3.0.1");
    const { openDatabase } = await import("@/db/client");
    const restarted = openDatabase(world.file, { synchronous: "NORMAL" });
    try {
      await expectDomainError(() => signInWithPassword(restarted, { identifier: user.email, password: PASSWORD }, "10.3.0.2"), "LOCKED_OUT");
    } finally {
      restarted.$client.close();
    }
  });
});

describe("sign-ups", () => {
  test("are limited per client address, before any hash", async () => {
    const address = "198.51.100.200";
    const hash = vi.spyOn(password, "hashPassword").mockResolvedValue("$argon2id$not-hashed-in-this-test");
    for (let i = 0; i < SIGN_IN_LIMITS.signUpsPerAddress.points; i++) {
      await signUpCustomer(world.db, { name: "Many", email: `many${i}@example.com`, phone: `1370000${String(5000 + i)}`, password: PASSWORD }, { address });
    }
    hash.mockClear();
    const refused = await expectDomainError(
      () => signUpCustomer(world.db, { name: "One more", email: "onemore@example.com", phone: "13700006999", password: PASSWORD }, { address }),
      "LOCKED_OUT",
    );
    expect(refused.message).toMatch(/^Too many attempts\. Try again in \d+ minutes\.$/);
    expect(hash).not.toHaveBeenCalled();
    await signUpCustomer(world.db, { name: "Elsewhere", email: "elsewhere@example.com", phone: "13700006998", password: PASSWORD }, { address: "198.51.100.201" });
    vi.setSystemTime(START + SIGN_IN_LIMITS.signUpsPerAddress.windowSeconds * 1000 + 1);
    await signUpCustomer(world.db, { name: "Next hour", email: "nexthour@example.com", phone: "13700006997", password: PASSWORD }, { address });
  });
});

describe("the client's address", () => {
  const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });
  test("with no proxy of ours, is the one entry the server wrote from the socket", () => {
    expect(clientAddress(headers("127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientAddress(headers(), 0)).toBe("unknown");
  });
  test("behind trusted proxies, is the entry just before theirs; what the client wrote further left is ignored", () => {
    expect(clientAddress(headers("6.6.6.6, 203.0.113.5"), 1)).toBe("203.0.113.5");
    expect(clientAddress(headers("6.6.6.6, 203.0.113.5, 10.0.0.2"), 2)).toBe("203.0.113.5");
    expect(clientAddress(headers("203.0.113.5"), 3)).toBe("203.0.113.5");
  });
});
