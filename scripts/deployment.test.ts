import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, test } from "vitest";

/*
 * A real deployment from an empty disk, through the operator's own commands: the database
 * starts empty (no demo accounts with a public password), the first admin is created with
 * the password on standard input, and a backup is a whole database.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locker-deploy-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, DATABASE_PATH: path.join(dir, "locker.db"), DEMO_DATA: "false" };
const run = (script: string, args: string[] = [], input = "") =>
  spawnSync(process.execPath, ["scripts/run-ts.mjs", `scripts/${script}`, ...args], { env, input, encoding: "utf8" });
const count = (table: string) => {
  const db = new Database(env.DATABASE_PATH, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

test("DEMO_DATA=false starts empty; admin:create makes the first admin; db:backup copies it", () => {
  const setup = run("db-setup.ts");
  expect(setup.status).toBe(0);
  expect(setup.stdout).toContain("npm run admin:create");
  expect(count("users")).toBe(0);

  const refused = run("admin-create.ts", ["--organization", "Riverside University", "--name", "Chen Jing", "--email", "chen@riverside.example"], "short\n");
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain("password: Use at least 10 characters.");
  expect(count("users")).toBe(0);

  const created = run("admin-create.ts", ["--organization", "Riverside University", "--name", "Chen Jing", "--email", "chen@riverside.example"], "a-real-password-2026\n");
  expect(created.status).toBe(0);
  expect(count("users")).toBe(1);
  expect(count("organizations")).toBe(1);

  const target = path.join(dir, "copies", "first.db");
  const backup = run("db-backup.ts", ["--to", target]);
  expect(backup.status).toBe(0);
  expect(backup.stdout).toContain("integrity ok");
  const copy = new Database(target, { readonly: true });
  expect((copy.prepare("select email from users").get() as { email: string }).email).toBe("chen@riverside.example");
  copy.close();

  // Run without the server's secrets (a cron job, a fresh shell), none of these needed one:
  // none may leave a secrets.json of its own beside the live database (lib/env.ts).
  expect(fs.existsSync(path.join(dir, "secrets.json"))).toBe(false);
});
