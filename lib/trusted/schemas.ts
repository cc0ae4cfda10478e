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
