import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { SimulatedDoorController, type DoorAddress } from "@/lib/cabinet/door-controller";
import { jamsBeside, SIMULATED_JAMS_DIR } from "./index";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locker-jams-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const door: DoorAddress = { controllerId: "sim-1-A", lockerCode: "A", slotLabel: "A-07", row: 2, column: 1 };

test("the simulated controller leaves a door shut while a file beside the database names it", async () => {
  const controller = new SimulatedDoorController(jamsBeside(path.join(dir, "locker.db")));
  await controller.open(door);
  const jam = path.join(dir, SIMULATED_JAMS_DIR, encodeURIComponent("sim-1-A/A-07"));
  fs.mkdirSync(path.dirname(jam), { recursive: true });
  fs.writeFileSync(jam, "");
  await expect(controller.open(door)).rejects.toThrow(/did not answer/);
  await controller.open({ ...door, slotLabel: "A-08" });
  fs.rmSync(jam);
  await controller.open(door);
  expect(controller.opened.map((d) => d.slotLabel)).toEqual(["A-07", "A-08", "A-07"]);
});
