import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { CONVERTED_PATHS } from "./converted-paths";

/*
 * No user-facing words written in the converted screens (STYLE.md): JSX text, and the
 * attributes a person reads or hears (label, title, placeholder, aria-label, alt, hint,
 * pendingLabel), must come from the message files. Symbols and punctuation are fine.
 */

const WORDS = /[A-Za-z\u3400-\u9fff]/;
const SPOKEN_ATTRIBUTES = new Set(["label", "title", "placeholder", "aria-label", "alt", "hint", "pendingLabel"]);

function tsxFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) throw new Error(`${entry} is listed in CONVERTED_PATHS but does not exist`);
  if (fs.statSync(entry).isFile()) return entry.endsWith(".tsx") ? [entry] : [];
  return fs.readdirSync(entry).flatMap((name) => tsxFiles(path.join(entry, name)));
}

export function hardCodedText(file: string, source = fs.readFileSync(file, "utf8")): string[] {
  const found: string[] = [];
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const where = (node: ts.Node) => `${file}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const value = node.initializer;
      const literal = ts.isStringLiteral(value) ? value : ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression) ? value.expression : null;
      if (literal && WORDS.test(literal.text)) found.push(`${where(node)} ${node.name.getText()}="${literal.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe("hard-coded user-facing text", () => {
  test("the check itself finds JSX text and spoken attributes, and lets symbols and messages through", () => {
    const sample = `export const A = () => <p title="Hello" aria-label={t("x")}>Sign in <span>▦ · —</span><b>{t("y")}</b>登录</p>;`;
    expect(hardCodedText("sample.tsx", sample)).toEqual(['sample.tsx:1 title="Hello"', 'sample.tsx:1 text "Sign in"', 'sample.tsx:1 text "登录"']);
  });

  test.each(CONVERTED_PATHS)("%s words everything through the message files", (entry) => {
    const files = tsxFiles(entry);
    expect(files.flatMap((file) => hardCodedText(file))).toEqual([]);
  });
});
