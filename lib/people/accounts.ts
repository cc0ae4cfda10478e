import "server-only";
import { DomainError } from "@/lib/errors";
import { isUniqueViolation } from "@/db/sqlite-errors";

/**
 * A taken email or phone, said next to its field. The unique indexes decide, so two
 * admins creating the same person at once cannot both succeed.
 */
export function takenContact(error: unknown): DomainError | null {
  if (isUniqueViolation(error, "users.email")) {
    return new DomainError("CONFLICT", "Someone already has an account with this email.", {
      fieldErrors: { email: ["This email already belongs to an account."] },
    });
  }
  if (isUniqueViolation(error, "users.phone")) {
    return new DomainError("CONFLICT", "Someone already has an account with this phone number.", {
      fieldErrors: { phone: ["This phone number already belongs to an account."] },
    });
  }
  return null;
}
