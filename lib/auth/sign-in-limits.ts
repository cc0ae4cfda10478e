import "server-only";
import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { normalizePhone } from "@/lib/phone";

/*
 * Limits on password guesses and sign-ups. Each try costs an argon2 hash (19 MiB, tens of
 * milliseconds of a core), so without them an attacker could guess one account's password
 * for ever, or keep the CPU busy. The counts live in the app's SQLite database
 * (rate-limiter-flexible creates its table, auth_limits, on first use), so a restart does
 * not hand out fresh tries, and one count serves every request of the process.
 *
 * A try is counted before its hash, atomically (one upsert): tries sent in parallel cannot
 * slip past the limit, and a refused try costs no hash, whether or not the account exists.
 *
 * Trade-off: the per-account limit lets a stranger lock an account's password sign-in for a
 * quarter of an hour by typing wrong passwords. That is the price of stopping guessing; the
 * owner can still wait it out, and nothing else about the account changes.
 */

export const SIGN_IN_LIMITS = {
  /** Failed sign-ins per account (the email or phone typed) per window. */
  perAccount: { points: 10, windowSeconds: 15 * 60 },
  /** Failed sign-ins per client address per window: one address guessing many accounts. A campus NAT shares one. */
  perAddress: { points: 50, windowSeconds: 15 * 60 },
  /** Sign-ups per client address per window. */
  signUpsPerAddress: { points: 30, windowSeconds: 60 * 60 },
} as const;

type Limiters = { account: RateLimiterSQLite; address: RateLimiterSQLite; signUp: RateLimiterSQLite };

const built = new WeakMap<object, Promise<Limiters>>();

function limiters(db: Db): Promise<Limiters> {
  let ready = built.get(db.$client);
  if (!ready) {
    ready = (async () => {
      const make = (keyPrefix: string, limit: { points: number; windowSeconds: number }) =>
        new Promise<RateLimiterSQLite>((resolve, reject) => {
          const limiter: RateLimiterSQLite = new RateLimiterSQLite(
            {
              storeClient: db.$client,
              storeType: "better-sqlite3",
              tableName: "auth_limits",
              keyPrefix,
              points: limit.points,
              duration: limit.windowSeconds,
              clearExpiredByTimeout: true,
            },
            (error?: Error) => (error ? reject(error) : resolve(limiter)),
          );
        });
      return {
        account: await make("sign-in-account", SIGN_IN_LIMITS.perAccount),
        address: await make("sign-in-address", SIGN_IN_LIMITS.perAddress),
        signUp: await make("sign-up-address", SIGN_IN_LIMITS.signUpsPerAddress),
      };
    })();
    // A failure to build is not cached: the next request tries again.
    ready.catch(() => built.delete(db.$client));
    built.set(db.$client, ready);
  }
  return ready;
}

/** One spelling per account: emails in any case, phones in any format, count as one. */
function accountKey(identifier: string): string {
  const trimmed = identifier.trim();
  return trimmed.includes("@") ? trimmed.toLowerCase() : normalizePhone(trimmed);
}

function tooManyAttempts(retryAfterMs: number): DomainError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new DomainError("LOCKED_OUT", "signInLockedOut", { params: { minutes }, details: { retryAfterMs } });
}

/** Counts one try against `limiter`; LOCKED_OUT when it is one too many. */
async function count(limiter: RateLimiterSQLite, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) throw tooManyAttempts(refusal.msBeforeNext);
    throw refusal;
  }
}

/** The sign-in limits around one password check (see verifyCredentialsLimited). */
export async function countSignInTry(db: Db, identifier: string, address: string): Promise<void> {
  const { account, address: byAddress } = await limiters(db);
  await count(byAddress, address);
  await count(account, accountKey(identifier));
}

/** A right password: the account's count starts over, and the address's try is given back. */
export async function forgiveSignInTry(db: Db, identifier: string, address: string): Promise<void> {
  const { account, address: byAddress } = await limiters(db);
  await account.delete(accountKey(identifier));
  await byAddress.reward(address, 1);
}

/** Counts one sign-up from `address`; LOCKED_OUT past the limit. */
export async function countSignUp(db: Db, address: string): Promise<void> {
  await count((await limiters(db)).signUp, address);
}
