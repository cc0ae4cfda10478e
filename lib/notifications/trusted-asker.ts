import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { maskPhone } from "@/lib/phone";

/**
 * Who a trusted person collects for, as they would know them: the name on the parcel, else
 * the name of the account that asked them (they were chosen by it), else the masked phone.
 */
export function trustedAsker(ctx: Ctx, parcel: { recipientName: string | null; recipientPhone: string }, askedByUserId: number | null): string {
  if (parcel.recipientName) return parcel.recipientName;
  const account = askedByUserId === null ? undefined : ctx.db.select({ name: users.name }).from(users).where(eq(users.id, askedByUserId)).get();
  return account?.name || maskPhone(parcel.recipientPhone);
}
