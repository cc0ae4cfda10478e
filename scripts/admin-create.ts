/*
 * `npm run admin:create -- --organization "Your Campus" --name "Your Name" --email you@example.edu`
 *
 * The first admin of a real deployment (DEMO_DATA=false starts with an empty database):
 * creates the organization and its admin, who signs in and builds the rest in the console.
 * The password is read from standard input — typed at the prompt, or piped:
 *   printf '%s\n' "$PASSWORD" | npm run admin:create -- …
 */
import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client";
import { appContext } from "../lib/app-context";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { env } from "../lib/env";
import { isDomainError } from "../lib/errors";
import { bootstrapOrganization } from "../lib/people/bootstrap";
import { keysFromHex } from "../lib/pickup-codes/code";

async function readPassword(): Promise<string> {
  const lines = readline.createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stdout : undefined, terminal: false });
  try {
    if (process.stdin.isTTY) process.stdout.write("Password for the new admin (at least 10 characters; shown as you type): ");
    for await (const line of lines) return line;
    return "";
  } finally {
    lines.close();
  }
}

async function main() {
  const { values } = parseArgs({ options: { organization: { type: "string" }, name: { type: "string" }, email: { type: "string" } } });
  const config = env();
  const db = openDatabase(config.DATABASE_PATH, { synchronous: config.DB_SYNCHRONOUS });
  try {
    const created = await bootstrapOrganization(
      appContext(
        { kind: "system" },
        { db, now: Date.now, doors: new SimulatedDoorController(), keys: keysFromHex(config.PICKUP_CODE_HMAC_KEY, config.PICKUP_CODE_ENCRYPTION_KEY) },
      ),
      { organization: values.organization ?? "", name: values.name ?? "", email: values.email ?? "", password: await readPassword() },
    );
    console.log(`Created ${values.organization} and its admin ${created.adminEmail}. Sign in at /sign-in and add sites, carriers and couriers.`);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const fields = (error.details as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ?? {};
    console.error([error.message, ...Object.entries(fields).map(([field, messages]) => `  ${field}: ${messages.join(" ")}`)].join("\n"));
    process.exitCode = 2;
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
