import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import type { UserActor } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { normalizePhone } from "@/lib/phone";
import { parseInput } from "@/lib/validation";
import { hashPassword, timingDummyHash, verifyPassword } from "./password";
import { SignInInput, SignUpInput } from "./schemas";

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
export async function verifyCredentials(db: Db, raw: SignInInput): Promise<SessionUser | null> {
  const input = SignInInput.safeParse(raw);
  if (!input.success) return null;
  const { identifier, password } = input.data;
  const byEmail = identifier.includes("@");
  const user = db
    .select()
    .from(users)
    .where(byEmail ? eq(users.email, identifier.toLowerCase()) : eq(users.phone, normalizePhone(identifier)))
    .get();
  if (!user) {
    await verifyPassword(await timingDummyHash(), password);
    return null;
  }
  const ok = await verifyPassword(user.passwordHash, password);
  return ok && user.active ? toSessionUser(user) : null;
}

/**
 * Creates a customer account. The phone stays unverified until the customer proves it,
 * so a sign-up alone shows nobody's parcels. Raises INVALID and CONFLICT (email or phone
 * taken — decided by the unique indexes, not by a look-up first).
 */
export async function signUpCustomer(db: Db, raw: unknown, now = Date.now()): Promise<SessionUser> {
  const input = parseInput(SignUpInput, raw);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = db
      .insert(users)
      .values({ name: input.name, email: input.email, phone: input.phone, passwordHash, role: "customer", createdAt: now })
      .returning()
      .get();
    return toSessionUser(user);
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE") {
      const field = error.message.includes("users.phone") ? "phone" : "email";
      throw new DomainError("CONFLICT", `An account with this ${field === "phone" ? "phone number" : "email"} already exists.`, {
        fieldErrors: { [field]: [`This ${field === "phone" ? "phone number" : "email"} is already registered. Sign in instead.`] },
      });
    }
    throw error;
  }
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
