import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

const ALL = ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts"];
/**
 * Files whose modules must start fresh: they stub the environment that lib/env.ts reads
 * once per process, or count requests in the API's in-memory rate limiters.
 * lib/testing/isolation.test.ts fails on a test file that stubs or mocks and is not here.
 */
export const ISOLATED = ["lib/env.test.ts", "lib/notifications/mailbox.test.ts", "lib/notifications/mailbox-open.test.ts", "lib/api/handler.test.ts", "lib/api/adapters.test.ts"];

export default defineConfig({
  resolve: {
    alias: [
      // Tests are server code: "server-only" is an empty module here, as under react-server.
      { find: /^server-only$/, replacement: path.join(root, "test/empty.ts") },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
  test: {
    environment: "node",
    // Each file migrates its own SQLite database; concurrency tests spin up workers.
    pool: "forks",
    // Every core: Vitest's default leaves one free, which on CI's two cores is half of them
    // (969 tests: 138 s with one worker, 87 s with two).
    maxWorkers: os.availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ALL,
          exclude: ["node_modules/**", ".next/**", "e2e/**", ...ISOLATED],
          // A worker imports lib/ once for all its files instead of once per file: importing
          // was 69 of the 100 s (969 tests, two workers; 36 s shared). Every file builds its
          // own world (database, clock, keys), so nothing a test sees is left by another.
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: ISOLATED } },
    ],
  },
});
