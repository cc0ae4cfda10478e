import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { CreateCarrierInput } from "@/lib/carriers/schemas";
import { fieldErrorWords } from "@/lib/error-words";
import { isDomainError, type DomainError } from "@/lib/errors";
import { MESSAGES } from "@/lib/i18n/messages";
import { AddLockerInput } from "@/lib/sites/schemas";
import { parseInput, Reason } from "./validation";

/** The INVALID error parseInput raises for `input`. */
function refusal(schema: z.ZodType, input: unknown): DomainError {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("parsed");
}

describe("a schema's words", () => {
  test("name keys of `fields`, worded in the caller's language with the issue's limits", () => {
    const error = refusal(z.object({ reason: Reason }), { reason: "ab" });
    expect(error.code).toBe("INVALID");
    expect(fieldErrorWords(error, "en")).toEqual({ reason: ["Give a reason of at least 3 characters."] });
    expect(fieldErrorWords(error, "zh-CN")).toEqual({ reason: ["原因至少写 3 个字。"] });
  });

  test("a refinement's own params reach its words", () => {
    const carrier = refusal(CreateCarrierInput, { code: "JD", name: "Jingdong", trackingUrl: "https://jd.example/track" });
    expect(fieldErrorWords(carrier, "en").trackingUrl).toEqual(["Use an https:// address with {waybill} where the number goes."]);
    expect(fieldErrorWords(carrier, "zh-CN").trackingUrl).toEqual(["请填写 https:// 开头的地址，在运单号的位置写 {waybill}。"]);
    const locker = refusal(AddLockerInput, { siteId: 1, code: "D", layout: "M M\nM M", rowHeights: ["100"] });
    expect(fieldErrorWords(locker, "zh-CN").rowHeights).toEqual(["每排填一个高度：布局有 2 排，高度填了 1 个。"]);
  });

  test("where a schema names no words, zod's English gives way to the generic ones", () => {
    const error = refusal(z.object({ name: z.string().max(3), count: z.number().min(2), note: z.string() }), { name: "abcd", count: 1 });
    expect(fieldErrorWords(error, "en")).toEqual({ name: ["Use at most 3 characters."], count: ["Use 2 or more."], note: ["This is required."] });
    expect(fieldErrorWords(error, "zh-CN").name).toEqual(["最多 3 个字符。"]);
  });
});

describe("the schemas' messages", () => {
  // lib/env.ts speaks to operators and lib/cabinet/protocol.ts to controllers: in English, never shown to a person.
  test("every message a schema in lib/ names is a key of fields", () => {
    const root = path.resolve(__dirname, "..");
    const files = (function walk(dir: string): string[] {
      return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return walk(full);
        return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
      });
    })(path.join(root, "lib"));
    const messages: string[] = [];
    for (const file of files.filter((file) => !["lib/env.ts", "lib/cabinet/protocol.ts"].includes(path.relative(root, file)))) {
      const source = fs.readFileSync(file, "utf8");
      if (!source.includes('from "zod"')) continue;
      const found = [
        ...source.matchAll(/\.(?:min|max|length|regex|int|positive|nonnegative|email|refine|startsWith)\([^()]*?(?:\([^()]*\)[^()]*?)*,\s*"([^"]*)"\s*\)/g),
        ...source.matchAll(/\b(?:message|error):\s*"([^"]*)"/g),
        // A template literal is English words with numbers in them: a key takes the numbers as params instead.
        ...source.matchAll(/\.(?:min|max|length|regex|int|positive|refine)\([^`]*?,\s*(`[^`]*`)\s*\)/g),
        ...source.matchAll(/\b(?:message|error):\s*(`[^`]*`)/g),
        ...source.matchAll(/z\.email\(\s*"([^"]*)"/g),
      ];
      for (const m of found) messages.push(`${path.relative(root, file)}: ${m[1]}`);
    }
    expect(messages.length).toBeGreaterThan(60);
    expect(messages.filter((entry) => !Object.hasOwn(MESSAGES.en.fields, entry.split(": ")[1]))).toEqual([]);
  });
});
