import crypto from "node:crypto";
import fs from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  CODE_DIGITS,
  decryptPickupCode,
  encryptPickupCode,
  generatePickupCode,
  hashPickupCode,
  keysFromHex,
  phoneLast4,
  readPickupCode,
  sameDigits,
} from "@/lib/pickup-codes/code";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, parcelRow } from "@/lib/testing/parcels";
import { tableNames } from "@/lib/testing/snapshot";

let world: TestWorld;
beforeAll(() => {
  world = createTestWorld();
});
afterAll(() => world.close());
afterEach(() => {
  vi.restoreAllMocks();
});

const randomKeys = () => keysFromHex(crypto.randomBytes(32).toString("hex"), crypto.randomBytes(32).toString("hex"));

describe("generating a pickup code", () => {
  it("is six digits", () => {
    for (let i = 0; i < 200; i++) expect(generatePickupCode()).toMatch(/^\d{6}$/);
    expect(CODE_DIGITS).toBe(6);
  });

  it("draws from the cryptographic random source over the whole range", () => {
    const randomInt = vi.spyOn(crypto, "randomInt");
    generatePickupCode();
    expect(randomInt).toHaveBeenCalledWith(0, 1_000_000);
  });

  it("keeps leading zeros", () => {
    vi.spyOn(crypto, "randomInt").mockImplementation((() => 42) as unknown as typeof crypto.randomInt);
    expect(generatePickupCode()).toBe("000042");
  });

  it("is neither sequential nor clustered: 200 codes are nearly all different and spread out", () => {
    const codes = Array.from({ length: 200 }, () => Number(generatePickupCode()));
    // Two equal codes among 200 draws from a million happen 2% of the time; five never.
    expect(new Set(codes).size).toBeGreaterThanOrEqual(195);
    const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]));
    expect(steps.size).toBeGreaterThan(150);
    const deciles = new Set(codes.map((code) => Math.floor(code / 100_000)));
    expect(deciles.size).toBeGreaterThanOrEqual(8);
  });

  it("does not follow the tracking number or the phone: the same recipient's parcels get unrelated codes", async () => {
    const station = createStation(world, { layout: [["S", "S", "S", "S", "S"]] });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { code } = await deposit(world, station.courier, station.site.id, {
        trackingNumber: `SF100000000${i}`,
        recipientPhone: "13800138000",
      });
      codes.push(code);
    }
    expect(new Set(codes).size).toBe(5);
    for (const code of codes) {
      expect("13800138000").not.toContain(code);
      expect("SF1000000000SF1000000001").not.toContain(code);
    }
  });
});

describe("storing a pickup code", () => {
  it("the look-up hash is an HMAC: the same per site and code, different per site and per key", () => {
    const keys = randomKeys();
    expect(hashPickupCode(keys, 1, "123456")).toBe(hashPickupCode(keys, 1, "123456"));
    expect(hashPickupCode(keys, 1, "123456")).not.toBe(hashPickupCode(keys, 2, "123456"));
    expect(hashPickupCode(keys, 1, "123456")).not.toBe(hashPickupCode(keys, 1, "123457"));
    expect(hashPickupCode(keys, 1, "123456")).not.toBe(hashPickupCode(randomKeys(), 1, "123456"));
    // Not a bare hash an attacker could compute from the code alone.
    const bare = crypto.createHash("sha256").update("1:123456").digest("hex");
    expect(hashPickupCode(keys, 1, "123456")).not.toBe(bare);
  });

  it("the encrypted copy round-trips, never shows the code, and differs every time", () => {
    const keys = randomKeys();
    const first = encryptPickupCode(keys, "048213");
    const second = encryptPickupCode(keys, "048213");
    expect(decryptPickupCode(keys, first)).toBe("048213");
    expect(decryptPickupCode(keys, second)).toBe("048213");
    expect(first).not.toContain("048213");
    expect(first).not.toBe(second);
  });

  it("never uses an IV twice, across the batches IVs are drawn in, and every copy still opens", () => {
    // AES-GCM loses its secrecy and integrity if one key ever sees an IV twice.
    const keys = randomKeys();
    const stored = Array.from({ length: 600 }, () => encryptPickupCode(keys, "048213"));
    const ivs = stored.map((copy) => copy.split(".")[0]);
    expect(new Set(ivs).size).toBe(stored.length);
    expect(ivs.every((iv) => Buffer.from(iv, "base64url").length === 12)).toBe(true);
    expect(stored.every((copy) => decryptPickupCode(keys, copy) === "048213")).toBe(true);
  });

  it("reads a stored code back only while both keys are the ones it was stored with", () => {
    const keys = randomKeys();
    const hash = hashPickupCode(keys, 7, "290471");
    const stored = encryptPickupCode(keys, "290471");
    expect(readPickupCode(keys, 7, hash, stored)).toBe("290471");
    // Another encryption key: the copy does not open.
    expect(readPickupCode({ ...keys, encryptionKey: randomKeys().encryptionKey }, 7, hash, stored)).toBeNull();
    // Another look-up key: the copy opens, but the kiosk would not take the code it gives.
    expect(readPickupCode({ ...keys, hmacKey: randomKeys().hmacKey }, 7, hash, stored)).toBeNull();
    expect(readPickupCode(keys, 8, hash, stored)).toBeNull();
    expect(readPickupCode(keys, 7, hash, "not a stored code")).toBeNull();
  });

  it("the encrypted copy does not open with another key, and tampering is detected", () => {
    const keys = randomKeys();
    const stored = encryptPickupCode(keys, "731905");
    expect(() => decryptPickupCode(randomKeys(), stored)).toThrow();
    const [iv, tag, body] = stored.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptPickupCode(keys, [iv, tag, flipped.toString("base64url")].join("."))).toThrow();
  });

  it("a copy of the database alone holds no working code, in any column or in the file", async () => {
    const station = createStation(world);
    const deposited = [];
    for (let i = 0; i < 3; i++) deposited.push(await deposit(world, station.courier, station.site.id, { recipientEmail: `r${i}@example.com` }));
    const codes = deposited.map((entry) => entry.code);

    // Every text column of every table.
    const client = world.db.$client;
    for (const table of tableNames(world.db)) {
      const rows = client.prepare(`select * from "${table}"`).all() as Record<string, unknown>[];
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== "string") continue;
          for (const code of codes) expect(value, `${table}.${column}`).not.toContain(code);
        }
      }
    }
    // And the bytes on disk, once the write-ahead log is folded in.
    client.pragma("wal_checkpoint(TRUNCATE)");
    const file = fs.readFileSync(world.file).toString("latin1");
    for (const code of codes) expect(file.includes(code)).toBe(false);

    // The owner's screen can still show it, with the key.
    for (const entry of deposited) {
      expect(decryptPickupCode(world.keys, parcelRow(world.db, entry.parcel.id).pickupCodeCipher!)).toBe(entry.code);
    }
  });

  it("what the domain hands to screens carries no code, hash or cipher", async () => {
    const station = createStation(world);
    const { parcel, code } = await deposit(world, station.courier, station.site.id);
    const row = parcelRow(world.db, parcel.id);
    const shown = JSON.stringify(parcel);
    expect(shown).not.toContain(code);
    expect(shown).not.toContain(row.pickupCodeHash!);
    expect(shown).not.toContain(row.pickupCodeCipher!);
    expect(Object.keys(parcel).filter((key) => /code/i.test(key))).toEqual([]);
  });

  it("the hash stored for a deposit is the HMAC of its own site and code", async () => {
    const station = createStation(world);
    const { parcel, code } = await deposit(world, station.courier, station.site.id);
    expect(parcelRow(world.db, parcel.id).pickupCodeHash).toBe(hashPickupCode(world.keys, station.site.id, code));
  });
});

describe("the phone digits entered with the code", () => {
  it("are the last four digits of the number, whatever its spelling", () => {
    expect(phoneLast4("13800138000")).toBe("8000");
    expect(phoneLast4("+86 138-0013-8123")).toBe("8123");
  });

  it("are compared exactly", () => {
    expect(sameDigits("8000", "8000")).toBe(true);
    expect(sameDigits("8000", "8001")).toBe(false);
    expect(sameDigits("8000", "800")).toBe(false);
  });
});
