import { defineConfig } from "drizzle-kit";

// Tooling only (drizzle-kit generate / studio); the app reads its configuration in lib/env.ts.
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_PATH ?? "./data/locker.db" },
});
