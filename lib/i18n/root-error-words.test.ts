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

test("the root error screen's words are plain text, which the build's formatter shows as they are", () => {
  // The build formats only messages it compiled (next.config.js: precompile); these are not
  // compiled, so a placeholder, a tag or an ICU quote here would reach the screen verbatim.
  const leaves = (tree: object): string[] => Object.values(tree).flatMap((value) => (typeof value === "string" ? [value] : leaves(value as object)));
  for (const words of leaves(ROOT_ERROR_WORDS)) expect(words).not.toMatch(/[{}<>]|''/);
});
