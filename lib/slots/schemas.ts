import "server-only";
import { z } from "zod";
import { Id, Reason } from "@/lib/validation";

/** Input of the admin's door verbs (lib/slots/admin-slots.ts). */
export const SlotRef = z.object({ slotId: Id });
export type SlotRef = z.input<typeof SlotRef>;

export const SlotReasonInput = z.object({ slotId: Id, reason: Reason });
export type SlotReasonInput = z.input<typeof SlotReasonInput>;
