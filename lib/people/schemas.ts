import "server-only";
import { z } from "zod";
import { Id } from "@/lib/validation";
import { Password } from "@/lib/auth/schemas";
import { Phone } from "@/lib/phone";


const Name = z.string({ message: "enterAName" }).trim().min(1, "enterAName").max(80, "tooLong");
const Email = z
  .string({ message: "enterEmailAddress" })
  .trim()
  .toLowerCase()
  .pipe(z.email("enterEmail"));
const OptionalEmail = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  Email.optional(),
);

/** Checkbox lists arrive as one value or many; none ticked is an empty list. */
const SiteIds = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(Id, { message: "chooseSites" }),
);

export const CreateCourierInput = z.object({
  name: Name,
  phone: Phone,
  email: OptionalEmail,
  // No carrier chosen arrives as no field at all (the list's placeholder is disabled), which
  // coerces to NaN: it needs the same words as an empty one, not zod's generic "invalid".
  carrierId: z.coerce.number<unknown>({ message: "chooseCourierCarrier" }).int("chooseCourierCarrier").positive("chooseCourierCarrier"),
  siteIds: SiteIds,
  password: Password,
});
export type CreateCourierInput = z.input<typeof CreateCourierInput>;

export const CourierSitesInput = z.object({ userId: Id, siteIds: SiteIds });
export type CourierSitesInput = z.input<typeof CourierSitesInput>;

export const UserRef = z.object({ userId: Id });
export type UserRef = z.input<typeof UserRef>;

export const CreateAdminInput = z.object({
  name: Name,
  email: Email,
  phone: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), Phone.optional()),
  password: Password,
});
export type CreateAdminInput = z.input<typeof CreateAdminInput>;

export const BootstrapOrganizationInput = z.object({
  organization: z.string({ message: "nameOrganization" }).trim().min(2, "nameOrganization").max(120, "tooLong"),
  name: Name,
  email: Email,
  password: Password,
});
export type BootstrapOrganizationInput = z.input<typeof BootstrapOrganizationInput>;
