import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  ADMIN_CLIENT_NAMESPACES,
  AUTH_CLIENT_NAMESPACES,
  CONSENT_CLIENT_NAMESPACES,
  COURIER_CLIENT_NAMESPACES,
  CUSTOMER_CLIENT_NAMESPACES,
  KIOSK_CLIENT_NAMESPACES,
  TRUSTED_LINK_CLIENT_NAMESPACES,
} from "./client-namespaces";
import { LOCALES } from "./locales";
import { MESSAGES, pickMessages } from "./messages";

/*
 * Client components get only the messages their layout's provider picks (issue 15): a
 * dotted namespace brings just its group, and every key a client component below the
 * admin, courier, sign-in, customer, consent-link, trusted-link and kiosk layouts translates
 * is among the groups that layout picks (else it renders the raw key).
 */

describe("pickMessages", () => {
  test("a top-level namespace brings the whole group", () => {
    expect(pickMessages("en", ["ui", "common"])).toEqual({ ui: MESSAGES.en.ui, common: MESSAGES.en.common });
  });

  test.each(LOCALES)("a dotted namespace brings just its group, under the keys that lead to it (%s)", (locale) => {
    const picked = pickMessages(locale, ["admin.sites.form", "admin.shell.nav"]);
    expect(picked).toEqual({ admin: { sites: { form: MESSAGES[locale].admin.sites.form }, shell: { nav: MESSAGES[locale].admin.shell.nav } } });
    expect(Object.keys(picked.admin)).toEqual(["sites", "shell"]);
    expect(Object.keys(picked.admin.sites)).toEqual(["form"]);
  });

  test("a group inside one already picked adds nothing, in either order, and the catalogue is left as it was", () => {
    const before = JSON.stringify(MESSAGES.en);
    expect(pickMessages("en", ["admin.shell.nav", "admin.shell"])).toEqual({ admin: { shell: MESSAGES.en.admin.shell } });
    expect(pickMessages("en", ["admin.shell", "admin.shell.nav"])).toEqual({ admin: { shell: MESSAGES.en.admin.shell } });
    expect(JSON.stringify(MESSAGES.en)).toBe(before);
  });

  test("a path that is a message, or nothing, is refused", () => {
    // @ts-expect-error: a single message is not a namespace
    expect(() => pickMessages("en", ["ui.saving"])).toThrow(/ui\.saving/);
    // @ts-expect-error: no such group
    expect(() => pickMessages("en", ["admin.nowhere"])).toThrow(/admin\.nowhere/);
  });

  test("the admin layout hands down a fraction of the console's words", () => {
    const size = (messages: unknown) => JSON.stringify(messages).length;
    const whole = size(pickMessages("en", ["common", "routeState", "admin"]));
    const picked = size(pickMessages("en", ADMIN_CLIENT_NAMESPACES));
    expect(picked).toBeLessThan(whole / 3);
  });

  test.each(LOCALES)("the customer's and the kiosk's layouts hand down less than they did (%s)", (locale) => {
    const size = (messages: unknown) => JSON.stringify(messages).length;
    expect(size(pickMessages(locale, CUSTOMER_CLIENT_NAMESPACES))).toBeLessThan(size(pickMessages(locale, ["common", "routeState", "customer", "sizes", "account", "trusted", "reach"])) * 0.6);
    expect(size(pickMessages(locale, KIOSK_CLIENT_NAMESPACES))).toBeLessThan(size(pickMessages(locale, ["common", "routeState", "kiosk", "sizes"])));
  });
});

const ROOT = path.resolve(__dirname, "../..");

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The app's and components' files that run in the browser below a route folder: "use client" ones and all they import. */
export function clientFilesBelow(routeFolder: string): string[] {
  const client = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const key = `${file}:${inClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = fs.readFileSync(file, "utf8");
    const isClient = inClient || /^\s*["']use client["']/.test(source);
    if (isClient) client.add(file);
    for (const m of source.matchAll(/(?:from|import)\s+"([^"]+)"/g)) {
      const target = resolveImport(file, m[1]);
      const relative = target && path.relative(ROOT, target);
      if (relative && /^(app|components)\//.test(relative)) visit(target!, isClient);
    }
  };
  for (const file of filesUnder(path.join(ROOT, routeFolder))) visit(file, false);
  return [...client];
}

/** The message keys a client file translates: `ns.key` for a literal key, `ns` itself when the key is computed. */
export function clientKeys(source: string): string[] {
  const keys: string[] = [];
  for (const binding of source.matchAll(/const (\w+) = useTranslations\(\s*"([\w.]+)"\s*\)/g)) {
    const [, name, namespace] = binding;
    for (const call of source.matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.has)?\\(\\s*([^,)]+)`, "g"))) {
      const literal = /^"([\w.]+)"$/.exec(call[1].trim());
      keys.push(literal ? `${namespace}.${literal[1]}` : namespace);
    }
  }
  return keys;
}

/** Each layout's folder, its list, a client file the scan must reach and how many keys at least (a scan that reads nothing passes trivially). */
const LAYOUTS = [
  ["app/(main)/admin", ADMIN_CLIENT_NAMESPACES, "submit-button.tsx", 20],
  ["app/(main)/courier", COURIER_CLIENT_NAMESPACES, "submit-button.tsx", 20],
  ["app/(main)/(auth)", AUTH_CLIENT_NAMESPACES, "submit-button.tsx", 20],
  ["app/(main)/(customer)", CUSTOMER_CLIENT_NAMESPACES, "trusted-person-section.tsx", 50],
  ["app/(main)/consent", CONSENT_CLIENT_NAMESPACES, "within-reach-form.tsx", 10],
  ["app/(main)/trusted", TRUSTED_LINK_CLIENT_NAMESPACES, "trusted-decline-form.tsx", 3],
  ["app/kiosk", KIOSK_CLIENT_NAMESPACES, "keypad.tsx", 50],
] as const;

describe("a layout's messages", () => {
  test("the scan reads literal and computed keys", () => {
    const sample = `const t = useTranslations("admin.lockers"); t("rows"); t.rich("summary", {}); const k = useTranslations("admin.parcels.incident"); k(kind);`;
    expect(clientKeys(sample)).toEqual(["admin.lockers.rows", "admin.lockers.summary", "admin.parcels.incident"]);
  });

  test.each(LAYOUTS)("every key a client component below %s translates is among the groups its layout picks", (folder, namespaces, landmark, minimumKeys) => {
    const covered = (key: string) => namespaces.some((namespace: string) => key === namespace || key.startsWith(`${namespace}.`));
    const files = clientFilesBelow(folder);
    const keys = files.flatMap((file) => clientKeys(fs.readFileSync(file, "utf8")).map((key) => `${path.relative(ROOT, file)}: ${key}`));
    expect(keys.filter((entry) => !covered(entry.split(": ")[1]))).toEqual([]);
    // The scan found the forms at all (a scan that reads nothing passes trivially).
    expect(files.some((file) => file.endsWith(landmark))).toBe(true);
    expect(keys.length).toBeGreaterThan(minimumKeys);
  });

  test.each(LAYOUTS)("no page below %s nests a provider of its own (it would replace the layout's messages)", (folder) => {
    const nesting = filesUnder(path.join(ROOT, folder)).filter((file) => !/\/layout\.tsx$/.test(file) && /<MessagesProvider\b|<NextIntlClientProvider\b/.test(fs.readFileSync(file, "utf8")));
    expect(nesting.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
