import { z } from "zod";
import { CONSENT_ANSWERS } from "@/db/enums";
import { Id } from "@/lib/validation";

export const ConsentRequestRef = z.object({ requestId: Id });
export type ConsentRequestRef = z.input<typeof ConsentRequestRef>;

export const ConsentAnswerInput = z.object({
  answer: z.enum(CONSENT_ANSWERS, { message: "chooseOneAnswer" }),
});

/** The recipient's answer from the text's link: the token is the only proof needed. */
export const ConsentAnswerByToken = ConsentAnswerInput.extend({
  token: z.string().trim().min(1, "linkIncomplete").max(80, "linkNotOurs"),
});
export type ConsentAnswerByToken = z.input<typeof ConsentAnswerByToken>;

/** The signed-in recipient's answer in the app. */
export const ConsentAnswerInApp = ConsentAnswerInput.extend({ requestId: Id });
export type ConsentAnswerInApp = z.input<typeof ConsentAnswerInApp>;

export const InPersonRef = z.object({ parcelId: Id });
export type InPersonRef = z.input<typeof InPersonRef>;
