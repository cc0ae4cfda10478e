import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/validation";
import { takenContact } from "./accounts";
import { CreateAdminInput } from "./schemas";

export type OrganizationAdmin = { id: number; name: string; email: string | null; phone: string | null; active: boolean; isYou: boolean };

/** The admins of the admin's organization, by name. Admins only. */
export function listOrganizationAdmins(ctx: Ctx): OrganizationAdmin[] {
  const admin = requireAdmin(ctx);
  return ctx.db
    .select()
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.organizationId, admin.organizationId)))
    .orderBy(asc(users.name))
    .all()
    .map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      phone: user.phone,
      active: user.active,
      isYou: user.id === admin.userId,
    }));
}

/**
 * Adds an admin to the admin's own organization (never another), with a first password
 * the admin hands over. Admins only. Raises INVALID and CONFLICT (email or phone taken).
 */
export async function createOrganizationAdmin(ctx: Ctx, raw: unknown): Promise<OrganizationAdmin> {
  const admin = requireAdmin(ctx);
  const input = parseInput(CreateAdminInput, raw);
  const passwordHash = await hashPassword(input.password);
  try {
    return writeTransaction(ctx.db, () => {
      const created = ctx.db
        .insert(users)
        .values({
          name: input.name,
          email: input.email,
          phone: input.phone ?? null,
          // An admin entered it: a staff phone counts as proven (see createCourier).
          phoneVerifiedAt: input.phone ? ctx.now() : null,
          passwordHash,
          role: "admin",
          organizationId: admin.organizationId,
          createdAt: ctx.now(),
        })
        .returning()
        .get();
      recordAudit(ctx, admin, { action: "admin.created", subject: `user:${created.id}`, detail: { name: created.name, email: created.email } });
      return { id: created.id, name: created.name, email: created.email, phone: created.phone, active: created.active, isYou: false };
    });
  } catch (error) {
    throw takenContact(error) ?? error;
  }
}
