import "server-only";
import { DomainError, field } from "@/lib/errors";
import { isUniqueViolation } from "@/db/sqlite-errors";

/**
 * A taken email or phone, said next to its field. The unique indexes decide, so two
 * admins creating the same person at once cannot both succeed.
 */
export function takenContact(error: unknown): DomainError | null {
  if (isUniqueViolation(error, "users.email")) {
    return new DomainError("CONFLICT", "emailTaken", { fields: { email: [field("emailTaken")] } });
  }
  if (isUniqueViolation(error, "users.phone")) {
    return new DomainError("CONFLICT", "phoneTaken", { fields: { phone: [field("phoneTaken")] } });
  }
  return null;
}
