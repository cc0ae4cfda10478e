import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/*
 * The one place that reads process.env. Secrets an operator does not set are generated
 * on first start and kept in secrets.json beside the database file, so a fresh clone runs
 * with two commands and a restart keeps every session and pickup code working.
 */

const key = z
  .string()
  .regex(/^[0-9a-f]{64}$/i, "must be 32 bytes as 64 hex characters (openssl rand -hex 32)");

const EnvSchema = z.object({
  DATABASE_PATH: z.string().min(1).default("./data/locker.db"),
  DB_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
  // Where `npm run db:backup` writes when not given --to; never the folder of secrets.json.
  BACKUP_DIR: z.string().min(1).default("./backups"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  PICKUP_CODE_HMAC_KEY: key.optional(),
  PICKUP_CODE_ENCRYPTION_KEY: key.optional(),
  // "simulated" (the quick start, no broker) or "mqtt": real cabinets through a broker (docs/CABINETS.md).
  DOOR_CONTROLLER: z.enum(["simulated", "mqtt"]).default("simulated"),
  // The broker the cabinets' agents connect to: mqtt://host:1883 or mqtts://host:8883. Needed with DOOR_CONTROLLER=mqtt.
  MQTT_URL: z
    .string()
    .regex(/^(mqtts?|wss?):\/\/[^\s]+$/, "must be an mqtt://, mqtts://, ws:// or wss:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // The server's own broker account (docs/CABINETS.md: the broker's ACL); unset for a broker without accounts.
  MQTT_USERNAME: z.string().min(1).optional().or(z.literal("").transform(() => undefined)),
  MQTT_PASSWORD: z.string().min(1).optional().or(z.literal("").transform(() => undefined)),
  // How long an open command stays valid (its notAfter and MQTT expiry); a few seconds, so a door never opens late.
  CABINET_COMMAND_TTL_MS: z.coerce.number().int().min(1000).max(60_000).default(5000),
  // "true" (the quick start): an empty database is filled with the demo network and its
  // accounts, whose password is public. A real deployment sets "false" and creates its
  // first admin with `npm run admin:create`.
  DEMO_DATA: z
    .enum(["true", "false"], { message: 'must be "true" or "false"' })
    .default("true")
    .transform((value) => value === "true"),
  // Reverse proxies in front of the app that append to X-Forwarded-For (nginx: 1). The
  // sign-in limits count per client address read through them (lib/security/client-address.ts).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Email goes out by SMTP when this is set (smtp://user:pass@host:587 or smtps://…:465);
  // otherwise it lands in the development mailbox like every SMS.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default("Parcel Lockers <no-reply@parcel-lockers.localhost>"),
  // Where people reach this app: the start of links in texts (a consent request's answer link).
  // Unset, this machine on the port it serves (`PORT`), so a demo's links open.
  PUBLIC_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, "must be an http:// or https:// URL")
    .transform((url) => url.replace(/\/+$/, ""))
    .optional()
    .or(z.literal("").transform(() => undefined))
    .transform((url) => url ?? `http://localhost:${process.env.PORT || "3000"}`),
  // Text messages go to the operator's SMS gateway webhook when this is set (docs/SMS.md);
  // otherwise they land in the development mailbox.
  SMS_WEBHOOK_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, "must be an http:// or https:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Signs each webhook request (HMAC-SHA256), so the gateway can tell it came from us.
  // Test-only: the server's clock adds the offset in the file `test-clock-offset` beside the
  // database (lib/clock.ts), which the browser tests move. Set by scripts/e2e-server.mjs;
  // never set it for a real deployment.
  TEST_CLOCK: z
    .enum(["true", "false"], { message: 'must be "true" or "false"' })
    .default("false")
    .transform((value) => value === "true"),
  SMS_WEBHOOK_SECRET: z
    .string()
    .min(16, "must be at least 16 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // "open": everybody signed in reads every message in the development mailbox, phone
  // codes included, so anybody can confirm anybody's phone and see their parcels. For a
  // public demo and the e2e server only, never a real deployment. Unset (or "closed"): each
  // admin sees only their organization's parcel messages, and nobody reads a phone code.
  DEV_MAILBOX: z
    .enum(["open", "closed"], { message: 'must be "open" or "closed"' })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

const CheckedEnvSchema = EnvSchema.refine((value) => value.DOOR_CONTROLLER !== "mqtt" || value.MQTT_URL !== undefined, {
  message: "is needed when DOOR_CONTROLLER=mqtt (the cabinets' broker, e.g. mqtt://127.0.0.1:1883)",
  path: ["MQTT_URL"],
});

const SecretsSchema = z.object({
  AUTH_SECRET: z.string().min(32),
  PICKUP_CODE_HMAC_KEY: key,
  PICKUP_CODE_ENCRYPTION_KEY: key,
});
type Secrets = z.infer<typeof SecretsSchema>;

export type Env = Omit<z.infer<typeof EnvSchema>, keyof Secrets> & Secrets;

/** The folder that holds secrets.json: the database's. */
export function secretsFolder(databasePath: string): string {
  return path.dirname(path.resolve(databasePath));
}

/** Whether a database file exists with more than its empty header (SQLite writes 4 KiB pages). */
function holdsData(databasePath: string): boolean {
  try {
    return fs.statSync(path.resolve(databasePath)).size > 4096;
  } catch {
    return false;
  }
}

/**
 * secrets.json beside the database, created owner-only (0600) in a folder created
 * owner-only (0700); one left readable by an earlier version is narrowed to 0600.
 */
export function readOrCreateSecrets(databasePath: string): Secrets {
  const file = path.join(secretsFolder(databasePath), "secrets.json");
  const fresh: Secrets = {
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    PICKUP_CODE_HMAC_KEY: crypto.randomBytes(32).toString("hex"),
    PICKUP_CODE_ENCRYPTION_KEY: crypto.randomBytes(32).toString("hex"),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // "wx": when two processes start at once, exactly one writes and both read its file.
    fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
    if (holdsData(databasePath)) {
      // A database that lived with other secrets: its sessions and pickup codes die with them.
      console.warn(
        `secrets: made new secrets in ${file} for a database that already holds data (${path.resolve(databasePath)}). ` +
          "Sessions and pickup codes made with the old ones no longer work. If this server had its own " +
          "AUTH_SECRET, PICKUP_CODE_HMAC_KEY and PICKUP_CODE_ENCRYPTION_KEY, set them again and delete that file.",
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if ((fs.statSync(file).mode & 0o777) !== 0o600) fs.chmodSync(file, 0o600);
  return SecretsSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

const SECRET_NAMES = ["AUTH_SECRET", "PICKUP_CODE_HMAC_KEY", "PICKUP_CODE_ENCRYPTION_KEY"] as const;

function load(): Env {
  const parsed = CheckedEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${problems.join("\n")}`);
  }
  const given = parsed.data;
  // secrets.json is read (or made) only when a secret is first used. A command that needs
  // none (db:backup, db:migrate, admin:create) run in a shell without the server's secrets
  // must not leave a file of fresh ones beside the live database, which the server would
  // then use the day a secret goes missing from its own environment.
  let stored: Secrets | undefined;
  const config = { ...given } as Env;
  for (const name of SECRET_NAMES) {
    Object.defineProperty(config, name, {
      enumerable: true,
      get: () => given[name] ?? (stored ??= readOrCreateSecrets(given.DATABASE_PATH))[name],
    });
  }
  return config;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= load();
  return cached;
}
