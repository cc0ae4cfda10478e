import { eq } from "drizzle-orm";
import { afterAll, expect, test } from "vitest";
import { users } from "@/db/schema";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { MemoryBroker } from "@/lib/cabinet/link";
import { MqttDoorController } from "@/lib/cabinet/mqtt-door-controller";
import { requestPhoneVerification } from "@/lib/auth/phone-verification";
import { createTestWorld, createUser, asActor } from "@/lib/testing/factories";
import { health } from "./health";

const world = createTestWorld();
afterAll(() => world.close());

test("the probe's body tells a monitor how far the outbox is behind and whether the cabinets' broker is there", async () => {
  const start = world.clock.now;
  const doors = new SimulatedDoorController();
  expect(health(() => world.db, doors, start)).toMatchObject({ ok: true, database: "ok", outbox: { due: 0, oldestDueSeconds: 0 }, cabinets: "simulated" });

  // A text queued and not sent (a gateway that is down): the backlog grows with its age.
  const newcomer = createUser(world.db, { role: "customer", phone: "13700000977" });
  world.db.update(users).set({ phoneVerifiedAt: null }).where(eq(users.id, newcomer.id)).run();
  requestPhoneVerification(world.ctx(asActor({ ...newcomer, phoneVerifiedAt: null })));
  expect(health(() => world.db, doors, start + 300_000).outbox).toMatchObject({ due: 1, oldestDueSeconds: 300 });

  const broker = new MemoryBroker();
  const cabinets = new MqttDoorController(broker.connect);
  expect(health(() => world.db, cabinets, start).cabinets).toBe("disconnected");
  await cabinets.whenReady();
  expect(health(() => world.db, cabinets, start).cabinets).toBe("connected");
});

test("a database that does not answer is the one thing that fails the probe", () => {
  const broken = () => {
    throw new Error("disk gone");
  };
  const error = console.error;
  console.error = () => {};
  try {
    expect(health(broken, new SimulatedDoorController(), world.clock.now)).toEqual({ ok: false, database: "unavailable" });
  } finally {
    console.error = error;
  }
});
