import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

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
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    // Each file migrates its own SQLite database; concurrency tests spin up workers.
    pool: "forks",
    // Every core: Vitest's default leaves one free, which on CI's two cores is half of them
    // (969 tests: 138 s with one worker, 87 s with two).
    maxWorkers: os.availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
