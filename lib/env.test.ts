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
