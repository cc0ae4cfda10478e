import "server-only";
import crypto from "node:crypto";
import { and, desc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { phoneVerifications, users } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import type { Ctx } from "@/lib/context";
import { isUniqueViolation } from "@/db/sqlite-errors";
import { DomainError, field } from "@/lib/errors";
import { queueAccountMessage } from "@/lib/notifications/outbox";
import { maskPhone } from "@/lib/phone";
import { encryptPickupCode, generatePickupCode, sameDigits } from "@/lib/pickup-codes/code";
import { parseInput } from "@/lib/validation";
import { phoneIsConfirmed } from "./accounts";
import { requireRole } from "./authorize";

/*
 * Proving a customer holds their phone: a 6-digit one-time code sent by SMS through the
 * outbox. Until then the account sees no parcels (parcels are addressed to phones), so
 * the code is what stands between a sign-up with someone else's number and their pickup
 * codes. A code is stored as an HMAC to check it and an encrypted copy for the outbox to
 * render at send time; the copy is erased once the code is used, replaced or spent.
 */

export const PHONE_CODE_POLICY = {
  /** How long a code works. */
  ttlMs: 10 * 60_000,
  /** Wrong entries one code survives; then the customer asks for a new one. */
  maxTries: 5,
  /** The shortest wait between two codes. */
  resendAfterMs: 60_000,
  /**
   * Codes per phone number per day, whichever accounts ask: 5 codes × 5 tries gives a
   * guesser 25 in 10⁶ a day, and a stranger who signs up with someone's number can make
   * us text them at most 5 times a day however many accounts they open. The cost: such a
   * stranger can use up the owner's 5 for that day.
   */
  maxPerDay: 5,
} as const;

const DAY = 24 * 3_600_000;

export const VerifyPhoneInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "verificationCodeDigits"),
});
export type VerifyPhoneInput = z.input<typeof VerifyPhoneInput>;

export type PhoneVerificationStatus = {
  /** The phone as the customer can recognise it, e.g. 138****0001. */
  maskedPhone: string | null;
  verified: boolean;
  /** The code sent last, while it can still be used. */
  pending: { expiresAt: number; triesLeft: number } | null;
  /** The code sent last took its last wrong try (and has not expired): a new one is needed. */
  usedUp: boolean;
  /** When another code may be asked for (now or earlier: at once). */
  resendAt: number;
};

function codeHash(ctx: Ctx, userId: number, phone: string, code: string): string {
  // Bound to the account and the number: a code sent for one cannot confirm another.
  return crypto.createHmac("sha256", ctx.keys.hmacKey).update(`phone-verification:${userId}:${phone}:${code}`).digest("hex");
}

type UserRow = typeof users.$inferSelect;

function loadCustomer(ctx: Ctx): UserRow {
  const actor = requireRole(ctx, "customer");
  const user = ctx.db.select().from(users).where(eq(users.id, actor.userId)).get();
  if (!user) throw new DomainError("UNAUTHENTICATED", "signInFirst");
  return user;
}

function openVerification(ctx: Ctx, user: UserRow) {
  if (!user.phone) return undefined;
  return ctx.db
    .select()
    .from(phoneVerifications)
    .where(
      and(
        eq(phoneVerifications.userId, user.id),
        eq(phoneVerifications.phone, user.phone),
        isNull(phoneVerifications.verifiedAt),
        isNotNull(phoneVerifications.codeCipher),
        gt(phoneVerifications.expiresAt, ctx.now()),
      ),
    )
    .orderBy(desc(phoneVerifications.id))
    .get();
}

/**
 * When another code may go to this phone: after the resend wait and within the daily cap,
 * both counted per number across accounts (see PHONE_CODE_POLICY.maxPerDay).
 */
function nextRequestAt(ctx: Ctx, phone: string | null): number {
  if (!phone) return 0;
  const recent = ctx.db
    .select({ createdAt: phoneVerifications.createdAt })
    .from(phoneVerifications)
    .where(and(eq(phoneVerifications.phone, phone), gt(phoneVerifications.createdAt, ctx.now() - DAY)))
    .orderBy(desc(phoneVerifications.createdAt))
    .all();
  if (recent.length === 0) return 0;
  const afterWait = recent[0].createdAt + PHONE_CODE_POLICY.resendAfterMs;
  const afterCap = recent.length >= PHONE_CODE_POLICY.maxPerDay ? recent[PHONE_CODE_POLICY.maxPerDay - 1].createdAt + DAY : 0;
  return Math.max(afterWait, afterCap);
}

/** Where the signed-in customer stands with their phone. Customers only. */
export function phoneVerificationStatus(ctx: Ctx): PhoneVerificationStatus {
  const user = loadCustomer(ctx);
  const open = user.phoneVerifiedAt == null ? openVerification(ctx, user) : undefined;
  return {
    maskedPhone: user.phone ? maskPhone(user.phone) : null,
    verified: user.phoneVerifiedAt != null,
    pending:
      open && open.attempts < PHONE_CODE_POLICY.maxTries
        ? { expiresAt: open.expiresAt, triesLeft: PHONE_CODE_POLICY.maxTries - open.attempts }
        : null,
    usedUp: user.phoneVerifiedAt == null && !open && lastCodeUsedUp(ctx, user),
    resendAt: nextRequestAt(ctx, user.phone),
  };
}

function lastCodeUsedUp(ctx: Ctx, user: UserRow): boolean {
  if (!user.phone) return false;
  const last = ctx.db
    .select({ attempts: phoneVerifications.attempts, expiresAt: phoneVerifications.expiresAt })
    .from(phoneVerifications)
    .where(and(eq(phoneVerifications.userId, user.id), eq(phoneVerifications.phone, user.phone), isNull(phoneVerifications.verifiedAt)))
    .orderBy(desc(phoneVerifications.id))
    .get();
  return last !== undefined && last.expiresAt > ctx.now() && last.attempts >= PHONE_CODE_POLICY.maxTries;
}

export type PhoneCodeSent = { sentTo: string; expiresAt: number };

/**
 * Sends the signed-in customer a fresh code by SMS (queued in the outbox) and retires any
 * earlier one. Customers only. Raises INVALID (no phone on the account), CONFLICT (already
 * confirmed, by this account or another) and LOCKED_OUT (details: retryAfterMs) when asked again too soon or too often.
 */
export function requestPhoneVerification(ctx: Ctx): PhoneCodeSent {
  return writeTransaction(ctx.db, () => {
    const user = loadCustomer(ctx);
    if (!user.phone) throw new DomainError("INVALID", "addPhoneFirst");
    if (user.phoneVerifiedAt != null) throw new DomainError("CONFLICT", "phoneAlreadyConfirmed");
    // Its owner has it; texting them codes for somebody else's account would only pester them.
    if (phoneIsConfirmed(ctx.db, user.phone, user.id)) throw confirmedElsewhere();
    const now = ctx.now();
    const allowedAt = nextRequestAt(ctx, user.phone);
    if (allowedAt > now) {
      const seconds = Math.ceil((allowedAt - now) / 1000);
      throw new DomainError("LOCKED_OUT", seconds > 90 ? "phoneCodesWaitMinutes" : "phoneCodeWaitSeconds", {
        params: seconds > 90 ? { minutes: Math.ceil(seconds / 60) } : { seconds },
        details: { retryAfterMs: allowedAt - now },
      });
    }
    ctx.db
      .update(phoneVerifications)
      .set({ codeCipher: null })
      .where(and(eq(phoneVerifications.userId, user.id), isNull(phoneVerifications.verifiedAt)))
      .run();
    const code = generatePickupCode();
    const expiresAt = now + PHONE_CODE_POLICY.ttlMs;
    const verification = ctx.db
      .insert(phoneVerifications)
      .values({
        userId: user.id,
        phone: user.phone,
        codeHash: codeHash(ctx, user.id, user.phone, code),
        codeCipher: encryptPickupCode(ctx.keys, code),
        expiresAt,
        createdAt: now,
      })
      .returning()
      .get();
    queueAccountMessage(ctx, {
      userId: user.id,
      phone: user.phone,
      kind: "phone_verification",
      payload: { verificationId: verification.id },
    });
    return { sentTo: maskPhone(user.phone), expiresAt };
  });
}

type VerifyOutcome =
  | { kind: "verified"; phone: string }
  | { kind: "wrong"; triesLeft: number }
  | { kind: "no_code" }
  | { kind: "taken" };

function confirmedElsewhere(): DomainError {
  return new DomainError("CONFLICT", "phoneConfirmedElsewhere");
}

/**
 * Confirms the signed-in customer's phone with the code sent to it; from then on they see
 * the parcels addressed to it. Customers only. Every wrong entry is counted in its own
 * commit before the answer. Raises INVALID (wrong, expired or spent code — field errors on
 * `code`) and CONFLICT (another account proved this number first). Confirming an already
 * confirmed phone succeeds again.
 */
export function verifyPhone(ctx: Ctx, raw: unknown): { maskedPhone: string } {
  const user = loadCustomer(ctx);
  const { code } = parseInput(VerifyPhoneInput, raw);
  let outcome: VerifyOutcome;
  try {
    outcome = verifyInTransaction(ctx, user, code);
  } catch (error) {
    // The check above runs in the write transaction; the index is the last word all the same.
    if (isUniqueViolation(error, "users.phone")) throw confirmedElsewhere();
    throw error;
  }
  switch (outcome.kind) {
    case "verified":
      return { maskedPhone: maskPhone(outcome.phone) };
    case "taken":
      throw confirmedElsewhere();
    case "no_code":
      throw new DomainError("INVALID", "phoneCodeExpired", { fields: { code: [field("phoneCodeExpired")] } });
    case "wrong":
      throw new DomainError("INVALID", "phoneCodeWrong", {
        fields: {
          code: [outcome.triesLeft > 0 ? field("phoneCodeWrongTriesLeft", { triesLeft: outcome.triesLeft }) : field("phoneCodeUsedUp")],
        },
      });
  }
}

function verifyInTransaction(ctx: Ctx, user: UserRow, code: string): VerifyOutcome {
  return writeTransaction(ctx.db, (): VerifyOutcome => {
    const fresh = ctx.db.select().from(users).where(eq(users.id, user.id)).get()!;
    if (fresh.phoneVerifiedAt != null && fresh.phone) return { kind: "verified", phone: fresh.phone };
    const open = openVerification(ctx, fresh);
    if (!open || open.attempts >= PHONE_CODE_POLICY.maxTries) return { kind: "no_code" };
    if (!sameDigits(codeHash(ctx, fresh.id, open.phone, code), open.codeHash)) {
      const attempts = open.attempts + 1;
      const spent = attempts >= PHONE_CODE_POLICY.maxTries;
      ctx.db
        .update(phoneVerifications)
        .set({ attempts, codeCipher: spent ? null : open.codeCipher })
        .where(eq(phoneVerifications.id, open.id))
        .run();
      return { kind: "wrong", triesLeft: PHONE_CODE_POLICY.maxTries - attempts };
    }
    if (phoneIsConfirmed(ctx.db, open.phone, fresh.id)) {
      // Somebody proved the number first (users_verified_phone keeps it theirs); this code is done.
      ctx.db.update(phoneVerifications).set({ codeCipher: null }).where(eq(phoneVerifications.id, open.id)).run();
      return { kind: "taken" };
    }
    const now = ctx.now();
    ctx.db.update(phoneVerifications).set({ verifiedAt: now, codeCipher: null }).where(eq(phoneVerifications.id, open.id)).run();
    ctx.db
      .update(users)
      .set({ phoneVerifiedAt: now })
      .where(and(eq(users.id, fresh.id), eq(users.phone, open.phone)))
      .run();
    return { kind: "verified", phone: open.phone };
  });
}
