import { describe, expect, it } from "vitest";
import { consentMoment } from "./moment";
import { decideConsent, minutesOfDay, type ConsentPreference } from "./rule";

const SF = 7;
const ZTO = 3;
// Tuesday 1 December 2026, 10:00 at the site.
const tuesday = { carrierId: ZTO, date: "2026-12-01", weekday: 2, minutes: 600 };
const pref = (over: Partial<ConsentPreference> = {}): ConsentPreference => ({ standing: "allow", exceptions: [], awayUntil: null, ...over });

describe("decideConsent", () => {
  it("no preference recorded: the operator's default, said so", () => {
    expect(decideConsent(null, tuesday, "allow")).toEqual({ outcome: "allowed", because: "no_preference" });
    expect(decideConsent(null, tuesday, "ask")).toEqual({ outcome: "ask", because: "no_preference" });
  });

  it.each([
    ["allow", "allowed"],
    ["ask", "ask"],
    ["refuse", "refuse"],
  ] as const)("standing %s → %s", (standing, outcome) => {
    expect(decideConsent(pref({ standing }), tuesday, "allow")).toEqual({ outcome, because: "standing" });
  });

  it("a carrier exception applies to that carrier only", () => {
    const askSf = pref({ exceptions: [{ choice: "ask", carrierId: SF }] });
    expect(decideConsent(askSf, { ...tuesday, carrierId: SF }, "allow")).toEqual({ outcome: "ask", because: "exception" });
    expect(decideConsent(askSf, tuesday, "allow")).toEqual({ outcome: "allowed", because: "standing" });
  });

  it("a day exception: never a locker at weekends", () => {
    const weekends = pref({ exceptions: [{ choice: "refuse", days: [0, 6] }] });
    expect(decideConsent(weekends, { ...tuesday, weekday: 6, date: "2026-12-05" }, "allow").outcome).toBe("refuse");
    expect(decideConsent(weekends, { ...tuesday, weekday: 0, date: "2026-12-06" }, "allow").outcome).toBe("refuse");
    expect(decideConsent(weekends, tuesday, "allow").outcome).toBe("allowed");
  });

  it("a time window, start inclusive and end exclusive", () => {
    const daytime = pref({ standing: "ask", exceptions: [{ choice: "allow", from: "08:00", to: "20:00" }] });
    expect(decideConsent(daytime, { ...tuesday, minutes: 8 * 60 }, "allow").outcome).toBe("allowed");
    expect(decideConsent(daytime, { ...tuesday, minutes: 20 * 60 - 1 }, "allow").outcome).toBe("allowed");
    expect(decideConsent(daytime, { ...tuesday, minutes: 20 * 60 }, "allow").outcome).toBe("ask");
    expect(decideConsent(daytime, { ...tuesday, minutes: 7 * 60 + 59 }, "allow").outcome).toBe("ask");
  });

  it("a window that wraps midnight", () => {
    const night = pref({ exceptions: [{ choice: "refuse", from: "22:00", to: "07:00" }] });
    expect(decideConsent(night, { ...tuesday, minutes: 23 * 60 }, "allow").outcome).toBe("refuse");
    expect(decideConsent(night, { ...tuesday, minutes: 60 }, "allow").outcome).toBe("refuse");
    expect(decideConsent(night, { ...tuesday, minutes: 7 * 60 }, "allow").outcome).toBe("allowed");
  });

  it("carrier, day and window together must all match; the first matching exception wins", () => {
    const mixed = pref({
      exceptions: [
        { choice: "refuse", carrierId: SF, days: [2], from: "09:00", to: "12:00" },
        { choice: "ask", carrierId: SF },
      ],
    });
    expect(decideConsent(mixed, { ...tuesday, carrierId: SF }, "allow").outcome).toBe("refuse");
    expect(decideConsent(mixed, { ...tuesday, carrierId: SF, minutes: 13 * 60 }, "allow").outcome).toBe("ask");
    expect(decideConsent(mixed, { ...tuesday, carrierId: SF, weekday: 3 }, "allow").outcome).toBe("ask");
  });

  it("away until a date holds parcels through that whole day, over any exception", () => {
    const away = pref({ awayUntil: "2026-12-10", exceptions: [{ choice: "allow" }] });
    expect(decideConsent(away, tuesday, "allow")).toEqual({ outcome: "refuse", because: "away" });
    expect(decideConsent(away, { ...tuesday, date: "2026-12-10" }, "allow").outcome).toBe("refuse");
    expect(decideConsent(away, { ...tuesday, date: "2026-12-11" }, "allow")).toEqual({ outcome: "allowed", because: "exception" });
  });
});

describe("minutesOfDay and consentMoment", () => {
  it("reads HH:MM and refuses anything else", () => {
    expect(minutesOfDay("00:00")).toBe(0);
    expect(minutesOfDay("23:59")).toBe(23 * 60 + 59);
    expect(minutesOfDay("24:00")).toBeNull();
    expect(minutesOfDay("8:00")).toBeNull();
  });

  it("takes the day and time from the site's zone, not UTC", () => {
    // Saturday 5 Dec 2026 23:30 UTC is Sunday 07:30 in Shanghai.
    const at = Date.UTC(2026, 11, 5, 23, 30);
    expect(consentMoment("Asia/Shanghai", at, ZTO)).toEqual({ carrierId: ZTO, date: "2026-12-06", weekday: 0, minutes: 7 * 60 + 30 });
    expect(consentMoment("UTC", at, ZTO)).toEqual({ carrierId: ZTO, date: "2026-12-05", weekday: 6, minutes: 23 * 60 + 30 });
  });
});
