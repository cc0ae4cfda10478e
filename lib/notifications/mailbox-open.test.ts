import { eq } from "drizzle-orm";
import { afterAll, expect, test, vi } from "vitest";
import { users } from "@/db/schema";
import { requestPhoneVerification } from "@/lib/auth/phone-verification";
import { asActor, createCustomer, createTestWorld, createUser } from "@/lib/testing/factories";
import { createStation } from "@/lib/testing/parcels";
import { createMailboxTransport, listMailbox, mailboxAccess } from "./mailbox";
import { deliverDueNotifications } from "./worker";

// A production build whose operator opened the mailbox on purpose (a demo, the e2e server).
vi.stubEnv("NODE_ENV", "production");
vi.stubEnv("DEV_MAILBOX", "open");
vi.stubEnv("AUTH_SECRET", "x".repeat(40));
vi.stubEnv("PICKUP_CODE_HMAC_KEY", "1".repeat(64));
vi.stubEnv("PICKUP_CODE_ENCRYPTION_KEY", "2".repeat(64));

const world = createTestWorld();
afterAll(() => {
  world.close();
  vi.unstubAllEnvs();
});

test("DEV_MAILBOX=open shows everybody signed in every message, phone codes included, and nobody signed out anything", async () => {
  const station = createStation(world);
  const newcomer = createUser(world.db, { role: "customer", phone: "13700000901" });
  world.db.update(users).set({ phoneVerifiedAt: null }).where(eq(users.id, newcomer.id)).run();
  requestPhoneVerification(world.ctx(asActor({ ...newcomer, phoneVerifiedAt: null })));
  const system = world.ctx({ kind: "system" });
  await deliverDueNotifications(system, createMailboxTransport(system));

  for (const actor of [station.admin, station.courier, createCustomer(world.db, "13700000902")]) {
    expect(mailboxAccess(world.ctx(actor))).toBe("everything");
    // No language chosen on the account: the organization's default, Chinese.
    expect(listMailbox(world.ctx(actor), { to: "13700000901" })![0].text).toMatch(/验证码 \d{6}/);
  }
  expect(listMailbox(world.ctx({ kind: "anonymous" }))).toBeNull();
  expect(listMailbox(world.ctx(station.kiosk))).toBeNull();
});
