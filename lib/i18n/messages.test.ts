import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { describe, expect, test } from "vitest";
import { LOCALES } from "./locales";
import { MESSAGES } from "./messages";

/*
 * The message files agree: every key exists in every language, with the same arguments,
 * and every message formats; and every key the code names is defined.
 */

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(full, value);
    else for (const [k, v] of flatten(value, full)) flat.set(k, v);
  }
  return flat;
}

/** The top-level arguments of an ICU message: "{count, plural, …}" and "{name}" give count and name. */
export function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const char = message[i];
    if (char === "{") {
      if (depth === 0) names.add(/^\{\s*(\w+)/.exec(message.slice(i))?.[1] ?? "?");
      depth++;
    } else if (char === "}") depth--;
  }
  return [...names].sort();
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(MESSAGES[locale] as unknown as Tree)])) as Record<
  (typeof LOCALES)[number],
  Map<string, string>
>;

/** The tags of a rich message ("<strong>…</strong>"), sorted: t.rich's components wrap them. */
function tagsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/<(\w+)>/g)].map((m) => m[1]))].sort();
}

describe("the message files", () => {
  test("argumentsOf reads the arguments of plain, plural and select messages", () => {
    expect(argumentsOf("{count, plural, one {# parcel} other {# parcels}} at {site}")).toEqual(["count", "site"]);
    expect(argumentsOf("{size, select, S {小} other {{size}}}格口")).toEqual(["size"]);
  });

  test.each(LOCALES)("%s has every key of every other language, and nothing else", (locale) => {
    for (const other of LOCALES) {
      const missing = [...flat[other].keys()].filter((key) => !flat[locale].has(key));
      expect(missing, `in messages/${locale}.json, missing keys of ${other}`).toEqual([]);
    }
  });

  test("a message takes the same arguments in every language", () => {
    const differing = [...flat.en.keys()].filter((key) => LOCALES.some((locale) => argumentsOf(flat[locale].get(key) ?? "").join() !== argumentsOf(flat.en.get(key)!).join()));
    expect(differing).toEqual([]);
  });

  test("a rich message has the same tags in every language", () => {
    const differing = [...flat.en.keys()].filter((key) => LOCALES.some((locale) => tagsOf(flat[locale].get(key) ?? "").join() !== tagsOf(flat.en.get(key)!).join()));
    expect(differing).toEqual([]);
  });

  test.each(LOCALES)("every %s message formats, with its arguments given", (locale) => {
    const t = createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as (key: string, params: Record<string, unknown>) => string;
    for (const [key, message] of flat[locale]) {
      const params = Object.fromEntries([
        ...argumentsOf(message).map((name) => [name, 2]),
        // Rich messages (t.rich): each tag's chunks, as the component would wrap them.
        ...tagsOf(message).map((tag) => [tag, (chunks: unknown[]) => chunks.join("")]),
      ]);
      const text = t(key, params);
      expect(text, key).not.toBe(key);
      expect(text, key).not.toMatch(/[{}]/);
    }
  });
});

const SOURCE_ROOTS = ["app", "components", "lib"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every message key the code names in a way this scan can read: t("…") under its namespace, full keys, error and field keys. */
export function keysUsed(source: string): string[] {
  const keys: string[] = [];
  const namespaces = [...source.matchAll(/(?:useTranslations|getTranslations)\(\s*"([\w.]+)"\s*\)/g)].map((m) => m[1]);
  const bound = new Map<string, string>();
  for (const m of source.matchAll(/const (\w+) = (?:await )?(?:useTranslations|getTranslations)\(\s*"([\w.]+)"\s*\)/g)) bound.set(m[1], m[2]);
  for (const m of source.matchAll(/\b(\w+)\(\s*"([\w.]+)"\s*[,)]/g)) {
    const [, callee, key] = m;
    if (bound.has(callee)) keys.push(`${bound.get(callee)}.${key}`);
    else if (callee === "t" && namespaces.length === 1) keys.push(`${namespaces[0]}.${key}`);
    else if (callee === "field") keys.push(`fields.${key}`);
  }
  for (const m of source.matchAll(/translateKey\(\s*\w+,\s*"([\w.]+)"/g)) keys.push(m[1]);
  for (const m of source.matchAll(/\bt\(\s*"(\w+\.[\w.]+)"/g)) if (namespaces.length === 0) keys.push(m[1]);
  for (const m of source.matchAll(/new DomainError(?:<[^>]*>)?\(\s*"[A-Z_]+",\s*([^,{]+?)\s*[,)]/g)) {
    for (const literal of m[1].matchAll(/"(\w+)"/g)) keys.push(`errors.${literal[1]}`);
  }
  return keys;
}

describe("keys the code names", () => {
  test("the scan reads t(), full keys, errors and fields", () => {
    const sample = `const t = await getTranslations("auth"); t("signInTitle"); const d = useTranslations("courier.door"); d("closed"); translateKey(locale, "errors.unexpected");
      new DomainError("CONFLICT", active ? "courierAlreadyActive" : "courierAlreadyDeactivated", {}); field("chooseCarrier");`;
    expect(keysUsed(sample).sort()).toEqual(["auth.signInTitle", "courier.door.closed", "errors.courierAlreadyActive", "errors.courierAlreadyDeactivated", "errors.unexpected", "fields.chooseCarrier"]);
  });

  test("every key the code names is defined in the message files", () => {
    const undefinedKeys: string[] = [];
    let seen = 0;
    for (const file of SOURCE_ROOTS.flatMap((root) => sourceFiles(root))) {
      for (const key of keysUsed(fs.readFileSync(file, "utf8"))) {
        seen++;
        if (!flat.en.has(key)) undefinedKeys.push(`${file}: ${key}`);
      }
    }
    expect(undefinedKeys).toEqual([]);
    // The scan found the code's keys at all (a scan that reads nothing passes trivially).
    expect(seen).toBeGreaterThan(150);
  });
});
