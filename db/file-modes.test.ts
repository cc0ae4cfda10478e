import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { readOrCreateSecrets, secretsFolder } from "@/lib/env";
import { backupDatabase, defaultBackupFile } from "./backup";
import { openDatabase } from "./client";

/*
 * The database holds phone numbers, names and pickup-code hashes; secrets.json the keys
 * that make those codes work; a backup both. None of them may be readable by other
 * accounts on the machine, whatever the umask (issue 11).
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), "locker-modes-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("owner-only files", () => {
  test("a new database, its -wal and -shm files are 0600, in folders created 0700", () => {
    const file = path.join(root, "fresh", "data", "locker.db");
    const db = openDatabase(file);
    try {
      db.$client.prepare("create table if not exists t (x)").run();
      db.$client.prepare("insert into t values (1)").run();
      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(`${file}-wal`)).toBe(0o600);
      expect(modeOf(`${file}-shm`)).toBe(0o600);
      expect(modeOf(path.join(root, "fresh", "data"))).toBe(0o700);
      expect(modeOf(path.join(root, "fresh"))).toBe(0o700);
    } finally {
      db.$client.close();
    }
    // A folder that existed already is not ours to change.
    expect(modeOf(root)).toBe(0o700); // mkdtemp's own mode, untouched
  });

  test("a database left world-readable by an earlier version is narrowed to 0600 when opened", () => {
    const file = path.join(root, "old", "locker.db");
    openDatabase(file).$client.close();
    for (const candidate of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(candidate)) fs.chmodSync(candidate, 0o644);
    const db = openDatabase(file, { migrate: false });
    try {
      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(`${file}-wal`)).toBe(0o600);
      expect(modeOf(`${file}-shm`)).toBe(0o600);
    } finally {
      db.$client.close();
    }
  });

  test("secrets.json is 0600 in a folder created 0700, and an existing 0644 one is narrowed", () => {
    const databasePath = path.join(root, "secrets-home", "data", "locker.db");
    readOrCreateSecrets(databasePath);
    const secrets = path.join(secretsFolder(databasePath), "secrets.json");
    expect(modeOf(secrets)).toBe(0o600);
    expect(modeOf(secretsFolder(databasePath))).toBe(0o700);
    fs.chmodSync(secrets, 0o644);
    readOrCreateSecrets(databasePath);
    expect(modeOf(secrets)).toBe(0o600);
  });

  test("a backup is 0600 in a folder created 0700", async () => {
    const db = openDatabase(path.join(root, "live", "locker.db"));
    try {
      const backup = await backupDatabase(db, path.join(root, "backups", "nightly", "copy.db"));
      expect(modeOf(backup.file)).toBe(0o600);
      expect(modeOf(path.dirname(backup.file))).toBe(0o700);
      expect(modeOf(path.join(root, "backups"))).toBe(0o700);
    } finally {
      db.$client.close();
    }
  });
});

describe("the default backup folder", () => {
  const now = new Date("2026-11-30T20:00:00.000Z");

  test("is ./backups beside ./data, not the folder of secrets.json", () => {
    const file = defaultBackupFile("./backups", secretsFolder("./data/locker.db"), now);
    expect(file).toBe(path.resolve("backups", "locker-2026-11-30T20-00-00-000Z.db"));
    expect(path.dirname(file)).not.toBe(secretsFolder("./data/locker.db"));
  });

  test("refuses the folder of secrets.json and any folder inside it", () => {
    expect(() => defaultBackupFile("./data", secretsFolder("./data/locker.db"), now)).toThrow(/secrets\.json/);
    expect(() => defaultBackupFile("./data/backups", secretsFolder("./data/locker.db"), now)).toThrow(/secrets\.json/);
    expect(defaultBackupFile("./data-backups", secretsFolder("./data/locker.db"), now)).toContain("data-backups");
  });
});
