import { describe, expect, test } from "vitest";
import { createTranslator } from "use-intl/core";
import { crunchWarning, dayOf, whenWords } from "@/components/admin/forecast/words";
import { MESSAGES } from "@/lib/i18n/messages";

/* The forecast's warning lines in both languages, on the site's clock (Shanghai here, UTC+8). */

const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "admin.forecast.words" });
const zh = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"], namespace: "admin.forecast.words" });
const HOUR = 3_600_000;
const ZONE = "Asia/Shanghai";
const now = Date.UTC(2026, 10, 26, 9, 0); // Thursday 26 Nov, 17:00 in Shanghai

describe("forecast words", () => {
  test("the day is the site's: 16:30 UTC is already tomorrow in Shanghai, and a later day is its weekday", () => {
    expect(dayOf(Date.UTC(2026, 10, 26, 16, 30), now, ZONE)).toEqual({ day: "tomorrow", weekday: 5 });
    expect(dayOf(now + 2 * HOUR, now, ZONE).day).toBe("today");
    expect(dayOf(Date.UTC(2026, 10, 28, 2, 0), now, ZONE)).toEqual({ day: "other", weekday: 6 });
    expect(whenWords(en, Date.UTC(2026, 10, 28, 2, 0), now, ZONE)).toBe("on Saturday 10:00");
    expect(whenWords(zh, Date.UTC(2026, 10, 28, 2, 0), now, ZONE)).toBe("周六 10:00");
  });

  test("a warning ahead, within one day", () => {
    const from = Date.UTC(2026, 10, 27, 2, 0); // tomorrow 10:00
    const crunch = { size: "M" as const, from, until: from + 4 * HOUR, peak: 0.8 };
    expect(crunchWarning(en, "North Dormitory Station", crunch, now, ZONE)).toBe("North Dormitory Station, size M: full tomorrow 10:00–14:00 (80 %)");
    expect(crunchWarning(zh, "北区宿舍驿站", crunch, now, ZONE)).toBe("「北区宿舍驿站」中格口：明天 10:00–14:00 预计满柜（80%）");
  });

  test("a warning ahead that runs past midnight names the day it ends", () => {
    const from = Date.UTC(2026, 10, 26, 14, 0); // today 22:00
    const crunch = { size: "XL" as const, from, until: from + 4 * HOUR, peak: 0.55 };
    expect(crunchWarning(en, "Library", crunch, now, ZONE)).toBe("Library, size XL: full today 22:00–tomorrow 02:00 (55 %)");
    expect(crunchWarning(zh, "图书馆驿站", crunch, now, ZONE)).toBe("「图书馆驿站」超大格口：今天 22:00–明天 02:00 预计满柜（55%）");
  });

  test("a site full now says until when, with the day only when it is not today", () => {
    const today = { size: "S" as const, from: now - HOUR, until: now + 3 * HOUR, peak: 0.954 };
    expect(crunchWarning(en, "Library", today, now, ZONE)).toBe("Library, size S: full now until 20:00 (95 %)");
    expect(crunchWarning(zh, "图书馆驿站", today, now, ZONE)).toBe("「图书馆驿站」小格口：现在已满，20:00 前都可能满柜（95%）");
    const overnight = { size: "L" as const, from: now - HOUR, until: now + 10 * HOUR, peak: 1 };
    expect(crunchWarning(en, "Library", overnight, now, ZONE)).toBe("Library, size L: full now until tomorrow 03:00 (100 %)");
    expect(crunchWarning(zh, "图书馆驿站", overnight, now, ZONE)).toBe("「图书馆驿站」大格口：现在已满，明天 03:00 前都可能满柜（100%）");
  });
});
