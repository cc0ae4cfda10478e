import { z } from "zod";
import { Id } from "@/lib/validation";
import { Phone } from "@/lib/phone";

const TrustedName = z
  .string()
  .trim()
  .max(40, "tooLong")
  .optional()
  .transform((value) => (value ? value : null));

/** The standing trusted person: their phone, and a name the recipient knows them by. */
export const TrustedPersonInput = z.object({ phone: Phone, name: TrustedName });
export type TrustedPersonInput = z.input<typeof TrustedPersonInput>;

/** A trusted person for one parcel. */
export const ParcelTrustedPersonInput = z.object({ parcelId: Id, phone: Phone, name: TrustedName });
export type ParcelTrustedPersonInput = z.input<typeof ParcelTrustedPersonInput>;

/** The trusted person's "I can't collect it", from the link in their text. */
export const TrustedDeclineInput = z.object({ token: z.string().trim().min(1).max(200) });
export type TrustedDeclineInput = z.input<typeof TrustedDeclineInput>;
