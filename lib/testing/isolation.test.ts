import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { ISOLATED } from "../../vitest.config";

/*
 * Most test files share their worker's modules (vitest.config.ts, isolate: false). A file
 * that stubs the environment or mocks a module changes what every later file in that
 * worker sees, and only fails them in some orders; such a file runs isolated instead.
 */

const ROOT = path.resolve(__dirname, "../..");

function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return testFiles(relative);
    return entry.name.endsWith(".test.ts") ? [relative] : [];
  });
}

test("every test file that stubs the environment or mocks a module runs isolated", () => {
  const changesModules = ["lib", "db", "scripts"]
    .flatMap(testFiles)
    .filter((file) => file !== "lib/testing/isolation.test.ts")
    .filter((file) => /\bvi\.(stubEnv|stubGlobal|mock|doMock)\(/.test(fs.readFileSync(path.join(ROOT, file), "utf8")));
  expect(changesModules.length).toBeGreaterThan(0);
  expect(changesModules.filter((file) => !ISOLATED.includes(file))).toEqual([]);
});
