import "server-only";
import { eq } from "drizzle-orm";
import { consentRequests, notifications } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { issueConsentToken } from "./consent-token";

type Rendering = { action: "send"; message: { subject: string; text: string } } | { action: "skip"; reason: string };

/** The link a consent request's text carries; the token is derived from the request row. */
export function consentAnswerPath(ctx: Ctx, request: { id: number; expiresAt: number; recipientPhone: string }): string {
  return `/consent/${issueConsentToken(ctx.keys, request)}`;
}

/**
 * The text asking the recipient, its words given by the caller in the recipient's language.
 * Rendered at send time, so a request answered or run out meanwhile sends nothing rather
 * than a dead link.
 */
export function renderConsentRequest(
  ctx: Ctx,
  notification: typeof notifications.$inferSelect,
  words: (link: string, expiresAt: number) => { subject: string; text: string },
): Rendering {
  const { requestId } = JSON.parse(notification.payload) as { requestId?: number };
  if (typeof requestId !== "number") throw new Error(`message ${notification.id} names no consent request`);
  const request = ctx.db.select().from(consentRequests).where(eq(consentRequests.id, requestId)).get();
  if (!request) throw new Error(`message ${notification.id}: consent request ${requestId} not found`);
  if (request.status !== "pending") return { action: "skip", reason: `request is ${request.status}` };
  if (request.expiresAt <= ctx.now()) return { action: "skip", reason: "request ran out before it was sent" };
  const link = `${env().PUBLIC_URL}${consentAnswerPath(ctx, request)}`;
  return { action: "send", message: words(link, request.expiresAt) };
}
