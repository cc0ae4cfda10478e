import path from "node:path";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const dbImportMessage = "Only lib/ reads the database; call a lib/ function.";

/*
 * The lib/ modules code running in the browser may import values from: client components
 * ("use client" files) and everything in components/ (shared pieces that client components
 * render). Everything else in lib/ is server code — most of it marked `import "server-only"`,
 * which fails the build only once a client bundle reaches it; this list fails the lint at
 * the import, and it is the one place that says which side a lib/ file is on. Types may
 * come from anywhere (they are erased). A file listed here may itself import only listed
 * modules (and packages), so the list cannot leak server code by a second step.
 */
const CLIENT_SAFE_MODULES = [
  "@/db/enums",
  "@/lib/format",
  "@/lib/i18n/locales",
  "@/lib/i18n/resolve",
  "@/lib/i18n/root-error-words",
  "@/lib/forms/state",
  "@/lib/kiosk/qr-payload",
  "@/lib/kiosk/state",
  "@/lib/distance",
  "@/lib/sites/layout-text",
  "@/lib/slots/sizes",
  "@/lib/slots/reach",
  "@/lib/time",
  "@/lib/vocabulary/states",
  "@/lib/vocabulary/door-reasons",
];
const clientSafeFiles = CLIENT_SAFE_MODULES.map((module) => `${module.replace("@/", "")}.ts`);

/** Resolves an import of ours to its "@/…" module name, or null for a package. */
function moduleName(source, filename, root) {
  if (source.startsWith("@/")) return source.replace(/\/index$/, "");
  if (!source.startsWith(".")) return null;
  const resolved = path.relative(root, path.resolve(path.dirname(filename), source)).split(path.sep).join("/");
  return `@/${resolved.replace(/\.(tsx?|jsx?|mjs)$/, "").replace(/\/index$/, "")}`;
}

const boundaries = {
  rules: {
    "client-imports": {
      meta: {
        type: "problem",
        docs: { description: "Client code imports values from lib/ and db/ only through the client-safe modules" },
        schema: [],
        messages: {
          serverModule:
            '{{module}} is server code: client code ("use client" files, components/) imports values only from CLIENT_SAFE_MODULES in eslint.config.mjs. Pass the data as props, or import the type only.',
        },
      },
      create(context) {
        const root = context.cwd;
        const filename = context.filename;
        const relative = path.relative(root, filename).split(path.sep).join("/");
        const body = context.sourceCode.ast.body;
        const directives = [];
        for (const statement of body) {
          if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") break;
          directives.push(statement.directive);
        }
        const isClient = relative.startsWith("components/") || directives.includes("use client");
        if (!isClient) return {};
        return {
          ImportDeclaration(node) {
            if (node.importKind === "type") return;
            if (node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.importKind === "type")) return;
            const imported = moduleName(node.source.value, filename, root);
            if (!imported || !/^@\/(lib|db)(\/|$)/.test(imported) || CLIENT_SAFE_MODULES.includes(imported)) return;
            context.report({ node: node.source, messageId: "serverModule", data: { module: imported } });
          },
        };
      },
    },
  },
};

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
            // "@/lib/db" is the app's connection (db()): pages and actions call lib/ functions.
            { regex: "^(@/|(\\.\\./)+)lib/db$", message: dbImportMessage, allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // STYLE.md: "use client" sits at the leaves, and what it imports must be fit for a browser.
    files: ["app/**/*.{ts,tsx,js,jsx,mjs}", "components/**/*.{ts,tsx,js,jsx,mjs}"],
    plugins: { boundaries },
    rules: { "boundaries/client-imports": "error" },
  },
  {
    // The client-safe modules stay client-safe: no server code, no way back into it.
    files: clientSafeFiles,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "server-only", message: "A client-safe module (CLIENT_SAFE_MODULES in eslint.config.mjs) holds no server code." }],
          patterns: [
            {
              regex: `^(?!(${CLIENT_SAFE_MODULES.map((module) => module.replace(/[/.]/g, "\\$&")).join("|")})$)(@/|\\.)`,
              message: "A client-safe module imports only other client-safe modules, by their @/ name (CLIENT_SAFE_MODULES in eslint.config.mjs).",
              allowTypeImports: true,
            },
            { regex: "^node:", message: "A client-safe module runs in the browser too." },
          ],
        },
      ],
    },
  },
]);
