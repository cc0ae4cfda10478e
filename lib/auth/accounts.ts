import "server-only";
import { and, asc, eq, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { isUniqueViolation } from "@/db/sqlite-errors";
import type { Ctx, UserActor } from "@/lib/context";
import { DomainError, field } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { normalizePhone } from "@/lib/phone";
import { parseInput } from "@/lib/validation";
import { hashPassword, timingDummyHash, verifyPassword } from "./password";
import { ChangePasswordInput, SignInInput, SignUpInput } from "./schemas";
import { endUserSessions } from "./sessions";
import { countSignInTry, countSignUp, forgiveSignInTry } from "./sign-in-limits";

/** What a session carries about its user. */
export type SessionUser = {
  id: number;
  name: string;
  email: string | null;
  role: Role;
  organizationId: number | null;
  carrierId: number | null;
};

function toSessionUser(user: typeof users.$inferSelect): SessionUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organizationId: user.organizationId,
    carrierId: user.carrierId,
  };
}

/**
 * The user whose email or phone and password these are, or null. Deactivated accounts
 * cannot sign in. Takes as long whether or not the account exists.
 */
export async function verifyCredentials(db: Db, raw: unknown): Promise<SessionUser | null> {
  const input = SignInInput.safeParse(raw);
  if (!input.success) return null;
  const { identifier, password } = input.data;
  const user = identifier.includes("@")
    ? db.select().from(users).where(eq(users.email, identifier.toLowerCase())).get()
    : accountOfPhone(db, normalizePhone(identifier));
  if (!user) {
    await verifyPassword(await timingDummyHash(), password);
    return null;
  }
  const ok = await verifyPassword(user.passwordHash, password);
  return ok && user.active ? toSessionUser(user) : null;
}

/**
 * verifyCredentials within the sign-in limits (lib/auth/sign-in-limits.ts): the try is
 * counted against the account typed and the client's address before any hash, a refused
 * try hashes nothing (so it takes as long for an account that exists as for one that does
 * not), and a right password starts the account's count over. Raises LOCKED_OUT
 * ("Too many attempts. Try again in N minutes.", details: retryAfterMs).
 */
export async function signInWithPassword(db: Db, raw: unknown, address: string): Promise<SessionUser | null> {
  const input = SignInInput.safeParse(raw);
  if (!input.success) return null;
  await countSignInTry(db, input.data.identifier, address);
  const user = await verifyCredentials(db, input.data);
  if (user) await forgiveSignInTry(db, input.data.identifier, address);
  return user;
}

/**
 * The account a phone number signs in to. Several accounts may carry one number (sign-ups
 * that never proved it), so only a proven phone counts: the one account whose phone is
 * verified (users_verified_phone makes it one). Staff created before phones needed proof
 * carry an admin-entered phone without the stamp; such a phone (unique when it was
 * entered) still signs in to its staff account, unless a customer has since proved the
 * number is theirs. An unproven customer signs in by email.
 */
function accountOfPhone(db: Db, phone: string) {
  return db
    .select()
    .from(users)
    .where(and(eq(users.phone, phone), or(isNotNull(users.phoneVerifiedAt), ne(users.role, "customer"))))
    .orderBy(sql`${users.phoneVerifiedAt} is null`, asc(users.id))
    .get();
}

/** Whether an account has proved it holds this phone number. */
export function phoneIsConfirmed(db: Db, phone: string, exceptUserId = 0): boolean {
  return (
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.phone, phone), isNotNull(users.phoneVerifiedAt), ne(users.id, exceptUserId)))
      .get() !== undefined
  );
}

/**
 * Creates a customer account. The phone stays unverified until the customer proves it,
 * so a sign-up alone shows nobody's parcels and holds nobody's number: several unproven
 * sign-ups may carry one phone, and the first to prove it keeps it. Raises INVALID and
 * CONFLICT (email taken — decided by the unique index; or the phone already proved by
 * another account, which would only refuse this one's proof later), and LOCKED_OUT (too
 * many sign-ups from `options.address`, the client's address, when given).
 */
export async function signUpCustomer(
  db: Db,
  raw: unknown,
  // locale: the language the form was filled in, kept as the account's (texts follow it).
  options: { now?: number; address?: string; locale?: Locale } = {},
): Promise<SessionUser> {
  const now = options.now ?? Date.now();
  const input = parseInput(SignUpInput, raw);
  if (phoneIsConfirmed(db, input.phone)) throw phoneTaken();
  // Counted before the hash it would cost; LOCKED_OUT past the limit.
  if (options.address !== undefined) await countSignUp(db, options.address);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = db
      .insert(users)
      .values({ name: input.name, email: input.email, phone: input.phone, passwordHash, role: "customer", locale: options.locale, createdAt: now })
      .returning()
      .get();
    return toSessionUser(user);
  } catch (error) {
    if (isUniqueViolation(error, "users.email")) {
      throw new DomainError("CONFLICT", "emailRegistered", { fields: { email: [field("emailRegistered")] } });
    }
    throw error;
  }
}

function phoneTaken(): DomainError {
  return new DomainError("CONFLICT", "phoneRegistered", { fields: { phone: [field("phoneRegistered")] } });
}

/**
 * The actor for a signed-in user id, read fresh from the database on every request so a
 * deactivated account or a changed role takes effect at once. Null when the user is gone
 * or inactive.
 */
export function loadUserActor(db: Db, userId: number): (UserActor & { name: string }) | null {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user || !user.active) return null;
  return {
    kind: "user",
    userId: user.id,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    carrierId: user.carrierId,
    verifiedPhone: user.phoneVerifiedAt != null ? user.phone : null,
  };
}

/**
 * Changes the signed-in user's password, given the current one, and ends every other
 * session of theirs: whoever learnt the old password may already be signed in somewhere.
 * The session it is made from stays. Any signed-in user. Raises UNAUTHENTICATED and
 * INVALID (a wrong current password, or a weak new one — field errors).
 */
export async function changePassword(ctx: Ctx, raw: unknown): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== "user") throw new DomainError("UNAUTHENTICATED", "signInFirst");
  const input = parseInput(ChangePasswordInput, raw);
  const user = ctx.db.select().from(users).where(eq(users.id, actor.userId)).get();
  if (!user || !user.active) throw new DomainError("UNAUTHENTICATED", "signInFirst");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("INVALID", "currentPasswordWrong", { fields: { currentPassword: [field("currentPasswordWrong")] } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  writeTransaction(ctx.db, () => {
    ctx.db.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    endUserSessions(ctx.db, user.id, ctx.now(), actor.sessionId);
  });
}
