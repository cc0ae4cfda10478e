import { afterAll, expect, test } from "vitest";
import { notifications } from "@/db/schema";
import type { MessageTransport, OutgoingMessage } from "@/lib/notifications/transport";
import { createTestWorld } from "@/lib/testing/factories";
import { createStation, deposit } from "@/lib/testing/parcels";
import { deliverOutbox } from "./round";

const world = createTestWorld();
afterAll(() => world.close());
const system = () => world.ctx({ kind: "system" });

/** Accepts messages only once `open()` is called; counts the sends begun meanwhile. */
function gatedTransport() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const begun: OutgoingMessage[] = [];
  const transport: MessageTransport = {
    name: "gated",
    async send(message) {
      begun.push(message);
      await gate;
    },
  };
  return { transport, begun, open };
}

test("the round's outbox run and the outbox's timer never send side by side: a call during a run leaves its messages to that run", async () => {
  const station = createStation(world);
  await deposit(world, station.courier, station.site.id);
  const { transport, begun, open } = gatedTransport();

  const first = deliverOutbox(system(), transport)!;
  while (begun.length === 0) await new Promise((resolve) => setImmediate(resolve));
  // Queued while the first run waits on the gateway with its batch claimed.
  await deposit(world, station.courier, station.site.id);
  expect(deliverOutbox(system(), transport)).toBeNull();
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  // A second run of its own would have claimed the new message and begun sending it.
  expect(begun).toHaveLength(1);

  open();
  // The run in progress goes on until the outbox is empty: the message queued meanwhile too.
  expect((await first).sent).toBe(2);
  expect(begun).toHaveLength(2);
  expect(world.db.select().from(notifications).all().filter((row) => row.status === "sent")).toHaveLength(2);
  // And once it has ended, the next call runs.
  const next = deliverOutbox(system(), transport);
  expect(next).not.toBeNull();
  await next;
});
