import { expect, test } from "vitest";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { ROOT_ERROR_WORDS } from "./root-error-words";

test("the root error screen's words are the message files' own, in both languages", () => {
  const expected = {
    en: { common: en.common, routeState: en.routeState },
    "zh-CN": { common: zhCN.common, routeState: zhCN.routeState },
  };
  expect(ROOT_ERROR_WORDS, `paste into lib/i18n/root-error-words.ts:\n${JSON.stringify(expected, null, 2)}`).toEqual(expected);
});
