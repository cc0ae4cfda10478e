import { describe, expect, test } from "vitest";
import { DOOR_EVENT_KINDS, DOOR_OPEN_PURPOSES } from "@/db/enums";
import { HELD_DOOR_REASON } from "@/lib/doors/hold";
import { FAULT_REASONS } from "@/lib/vocabulary/door-reasons";
import { describeActor, describeDoorEvent, describeParcelEvent, reasonWords } from "./describe";

describe("a door's history in words", () => {
  test("each purpose the software opens a door for reads as what happened", () => {
    expect(describeDoorEvent("en", "open_command", "take_back", null)).toBe("Door opened to take the parcel back");
    expect(describeDoorEvent("en", "open_command", "take_back_retry", null)).toBe("Door tried again to take the parcel back");
    expect(describeDoorEvent("en", "open_command", "pickup_retry", null)).toBe("Door tried again for the customer's pickup");
    expect(describeDoorEvent("en", "open_command", "pickup", null)).toBe("Door opened at the kiosk for pickup");
    expect(describeDoorEvent("en", "open_command", "deposit", null)).toBe("Door opened for deposit");
  });

  test("an admin's words show only beside a remote open, so no stored string can pose as the software's reason", () => {
    expect(describeDoorEvent("en", "open_command", "remote", "Parcel stuck")).toBe("Door opened remotely: Parcel stuck");
    expect(describeDoorEvent("en", "open_command", "remote", "pickup retry")).toBe("Door opened remotely: pickup retry");
    expect(describeDoorEvent("en", "open_command", "deposit", "take back retry")).toBe("Door opened for deposit");
    expect(describeDoorEvent("en", "open_command", "remote", null)).toBe("Door opened remotely");
  });

  test("a failed open says why by the controller's code, and the cabinet's reports read as alarms", () => {
    expect(describeDoorEvent("en", "open_failed", "pickup", null)).toBe("Door did not open: the controller did not answer");
    expect(describeDoorEvent("en", "open_failed", "pickup", "CABINET_OFFLINE")).toBe("Door did not open: the cabinet is offline");
    expect(describeDoorEvent("en", "open_failed", "deposit", "<script>")).toBe("Door did not open: the controller did not answer");
    expect(describeDoorEvent("en", "forced_open", null, null)).toBe("Door forced open: it opened with no command");
    expect(describeDoorEvent("en", "left_open", null, null)).toBe("Door left open");
    expect(describeDoorEvent("en", "tamper", null, null)).toBe("Cabinet tamper alarm");
  });

  test("every kind and purpose has words of its own", () => {
    for (const kind of DOOR_EVENT_KINDS) expect(describeDoorEvent("en", kind, null, null)).toMatch(/^(Door|Cabinet) /);
    const opens = DOOR_OPEN_PURPOSES.map((purpose) => describeDoorEvent("en", "open_command", purpose, null));
    expect(new Set(opens).size).toBe(DOOR_OPEN_PURPOSES.length);
  });

  test("in Chinese, every kind and purpose reads in Chinese, with the controller's reason and an admin's words", () => {
    for (const kind of DOOR_EVENT_KINDS) expect(describeDoorEvent("zh-CN", kind, null, null)).toMatch(/^[\u4e00-\u9fff][^A-Za-z]*$/);
    expect(describeDoorEvent("zh-CN", "open_failed", "pickup", "CABINET_OFFLINE")).toBe("格口没有打开：快递柜离线");
    expect(describeDoorEvent("zh-CN", "open_command", "remote", "Parcel stuck")).toBe("远程开柜：Parcel stuck");
    expect(describeActor("zh-CN", "kiosk", null)).toBe("柜机");
  });
});

describe("a parcel's history in words", () => {
  test("each language words the event and its details; the software's own reasons are translated, a person's are not", () => {
    expect(describeParcelEvent("en", "reserved", { slot: "A03", upsized: true, size: "S", slotSize: "M" })).toBe("Door A03 assigned (upsized from S to M)");
    expect(describeParcelEvent("zh-CN", "reserved", { slot: "A03" })).toBe("分配 A03 号格口");
    expect(describeParcelEvent("zh-CN", "reassigned", { slot: "B01", reason: "did not fit" })).toBe("换到 B01 号格口（放不下）");
    expect(describeParcelEvent("zh-CN", "cancelled", { reason: "Sender asked" })).toBe("已取消：Sender asked");
    expect(describeParcelEvent("zh-CN", "deposited", { holdPeriodHours: 48, closedBy: "cabinet" })).toBe("已投递，保管期 48 小时（快递柜报告格口已关门）");
    expect(describeParcelEvent("en", "code_resent", {})).toBe("Pickup code sent to the recipient again by an admin");
    expect(describeParcelEvent("en", "cancelled", { deliveredInPerson: true })).toBe("Handed to the recipient in person by the courier");
    expect(describeParcelEvent("zh-CN", "cancelled", { deliveredInPerson: true })).toBe("快递员已当面交给收件人");
    expect(describeParcelEvent("zh-CN", "code_replaced", {})).toBe("已签发并发送新的取件码（原取件码无法用本服务器的密钥读取）");
    expect(describeParcelEvent("en", "something_new", {})).toBe("Other event (something new)");
  });
});

describe("a stored reason in words", () => {
  test("the software's and the courier's picked reasons are translated; a person's own words are shown as written", () => {
    expect(reasonWords("zh-CN", HELD_DOOR_REASON)).toBe("取件时没有打开：包裹可能还在格口里。请检查格口，再恢复在用。");
    expect(reasonWords("en", HELD_DOOR_REASON)).toBe(HELD_DOOR_REASON);
    expect(reasonWords("zh-CN", FAULT_REASONS.notOpen)).not.toBe(FAULT_REASONS.notOpen);
    expect(describeParcelEvent("zh-CN", "slot_fault", { reason: FAULT_REASONS.damaged })).not.toMatch(/[A-Za-z]/);
    expect(reasonWords("zh-CN", "合页坏了")).toBe("合页坏了");
    expect(reasonWords("zh-CN", "constructor")).toBe("constructor");
  });
});

test("an upsized door names both sizes in Chinese words", () => {
  expect(describeParcelEvent("zh-CN", "reserved", { slot: "A03", upsized: true, size: "S", slotSize: "M" })).toBe("分配 A03 号格口（小格口已满，改用中格口）");
});
