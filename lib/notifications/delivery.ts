import "server-only";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { createMailboxTransport } from "./mailbox";
import { createSmtpTransport } from "./smtp";
import { byChannel, type MessageTransport } from "./transport";

let smtp: MessageTransport | undefined;

/**
 * The app's transports: SMS always to the development mailbox (an SMS gateway is a
 * production add-on this project does not have yet); email by SMTP when SMTP_URL is set,
 * to the mailbox otherwise.
 */
export function appTransport(ctx: Ctx): MessageTransport {
  const mailbox = createMailboxTransport(ctx);
  const config = env();
  if (config.SMTP_URL) smtp ??= createSmtpTransport(config.SMTP_URL, config.MAIL_FROM);
  return byChannel({ sms: mailbox, email: config.SMTP_URL ? smtp! : mailbox });
}

/** Whether text messages end up in the development mailbox rather than on a phone. */
export function smsGoesToMailbox(): boolean {
  return true;
}
