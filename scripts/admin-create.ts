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
import type { Ctx, SystemActor } from "../lib/context";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { env } from "../lib/env";
import { isDomainError } from "../lib/errors";
import { bootstrapOrganization } from "../lib/people/bootstrap";
import { keysFromHex } from "../lib/pickup-codes/code";

/** The password, typed at the prompt without being shown, or the first line piped in. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) return readHidden("Password for the new admin (at least 10 characters, not shown): ");
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of lines) return line;
    return "";
  } finally {
    lines.close();
  }
}

/** A line read from the terminal in raw mode, echoing nothing: a password is not for the screen or its scrollback. */
function readHidden(prompt: string): Promise<string> {
  process.stdout.write(prompt);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  let typed = "";
  return new Promise((resolve, reject) => {
    const done = (finish: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stdout.write("\n");
      finish();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return done(() => resolve(typed));
        if (char === "\u0003") return done(() => reject(new Error("cancelled")));
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else if (char >= " ") typed += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function main() {
  const { values } = parseArgs({ options: { organization: { type: "string" }, name: { type: "string" }, email: { type: "string" } } });
  const config = env();
  const db = openDatabase(config.DATABASE_PATH, { synchronous: config.DB_SYNCHRONOUS });
  try {
    // The pickup-code keys are read only if something asks for them (nothing does here): run
    // without the server's secrets, this must not leave a secrets.json of its own (lib/env.ts).
    const ctx: Ctx<SystemActor> = {
      db,
      actor: { kind: "system" },
      now: Date.now,
      doors: new SimulatedDoorController(),
      get keys() {
        return keysFromHex(config.PICKUP_CODE_HMAC_KEY, config.PICKUP_CODE_ENCRYPTION_KEY);
      },
    };
    const created = await bootstrapOrganization(
      ctx,
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
