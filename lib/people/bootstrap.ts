import "server-only";
import { eq } from "drizzle-orm";
import { organizations, users } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { hashPassword } from "@/lib/auth/password";
import type { Ctx } from "@/lib/context";
import { DomainError, field } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { takenContact } from "./accounts";
import { BootstrapOrganizationInput } from "./schemas";

export type BootstrappedOrganization = { organizationId: number; slug: string; adminId: number; adminEmail: string };

/**
 * A new operator's first step on an empty deployment (DEMO_DATA=false): their organization
 * and its first admin, who then builds sites, lockers, carriers and people in the console.
 * The system only (`npm run admin:create`); nobody signed in can call it. Raises INVALID
 * and CONFLICT (the organization or the email exists).
 */
export async function bootstrapOrganization(ctx: Ctx, raw: unknown): Promise<BootstrappedOrganization> {
  if (ctx.actor.kind !== "system") throw new DomainError("FORBIDDEN", "systemOnly");
  const input = parseInput(BootstrapOrganizationInput, raw);
  const slug = slugOf(input.organization);
  const passwordHash = await hashPassword(input.password);
  try {
    return writeTransaction(ctx.db, () => {
      if (ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug)).get()) {
        throw new DomainError("CONFLICT", "organizationExists", {
          params: { name: input.organization },
          fields: { organization: [field("organizationExists")] },
        });
      }
      const now = ctx.now();
      const organization = ctx.db.insert(organizations).values({ name: input.organization, slug, createdAt: now }).returning().get();
      const admin = ctx.db
        .insert(users)
        .values({ name: input.name, email: input.email, passwordHash, role: "admin", organizationId: organization.id, createdAt: now })
        .returning()
        .get();
      return { organizationId: organization.id, slug, adminId: admin.id, adminEmail: input.email };
    });
  } catch (error) {
    throw takenContact(error) ?? error;
  }
}

function slugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // Names in other scripts (e.g. Chinese) leave nothing: fall back to a stable hash.
  return slug || `org-${Buffer.from(name).toString("hex").slice(0, 16)}`;
}
