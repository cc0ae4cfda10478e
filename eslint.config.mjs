import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const dbImportMessage = "Only lib/ reads the database; call a lib/ function.";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "out/**",
    "build/**",
    "db/migrations/**",
    "test-results/**",
    "playwright-report/**",
    "bench/out/**",
    ".e2e-data*/**",
    "data/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      // An underscore marks a parameter or binding that is deliberately unused.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // STYLE.md: pages, actions and components reach the database only through lib/.
    files: ["app/**/*.{ts,tsx,js,jsx,mjs}", "components/**/*.{ts,tsx,js,jsx,mjs}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            // "@/db", "@/db/client", "../db", "../../db/schema", …
            // Types may come from the schema (they read nothing); values come through lib/.
            { regex: "^(@/|(\\.\\./)+)db(/.*)?$", message: dbImportMessage, allowTypeImports: true },
          ],
        },
      ],
    },
  },
]);
