import { afterEach, expect, test, vi } from "vitest";

// env() reads process.env once per process; each test imports a fresh copy of the module.
async function freshEnv() {
  vi.resetModules();
  const { env } = await import("./env");
  return env();
}

afterEach(() => vi.unstubAllEnvs());

function givenSecrets() {
  vi.stubEnv("AUTH_SECRET", "x".repeat(40));
  vi.stubEnv("PICKUP_CODE_HMAC_KEY", "1".repeat(64));
  vi.stubEnv("PICKUP_CODE_ENCRYPTION_KEY", "2".repeat(64));
}

test("links in texts lead to the port this server serves when PUBLIC_URL is unset, and to PUBLIC_URL when it is set", async () => {
  givenSecrets();
  vi.stubEnv("PUBLIC_URL", "");
  vi.stubEnv("PORT", "3510");
  expect((await freshEnv()).PUBLIC_URL).toBe("http://localhost:3510");

  vi.stubEnv("PORT", "");
  expect((await freshEnv()).PUBLIC_URL).toBe("http://localhost:3000");

  vi.stubEnv("PUBLIC_URL", "https://lockers.example.edu/");
  expect((await freshEnv()).PUBLIC_URL).toBe("https://lockers.example.edu");
});

test("a command that needs no secret leaves no secrets.json beside the database; the first secret used makes it, and says so beside a database that holds data", async () => {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "env-secrets-"));
  try {
    vi.stubEnv("DATABASE_PATH", path.join(dir, "locker.db"));
    for (const name of ["AUTH_SECRET", "PICKUP_CODE_HMAC_KEY", "PICKUP_CODE_ENCRYPTION_KEY"]) vi.stubEnv(name, undefined);
    // An existing database (as on a server that had its secrets in its environment).
    fs.writeFileSync(path.join(dir, "locker.db"), Buffer.alloc(8192));
    const config = await freshEnv();
    expect(config.DATABASE_PATH).toBe(path.join(dir, "locker.db"));
    expect(fs.existsSync(path.join(dir, "secrets.json"))).toBe(false);

    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(config.PICKUP_CODE_HMAC_KEY).toMatch(/^[0-9a-f]{64}$/);
      expect(fs.existsSync(path.join(dir, "secrets.json"))).toBe(true);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("already holds data"));
    } finally {
      warn.mockRestore();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
