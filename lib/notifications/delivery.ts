import "server-only";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { createMailboxTransport } from "./mailbox";
import { createSmsWebhookTransport } from "./sms-webhook";
import { createSmtpTransport } from "./smtp";
import { byChannel, type MessageTransport } from "./transport";

let smtp: MessageTransport | undefined;
let sms: MessageTransport | undefined;

/**
 * The app's transports: SMS to the operator's gateway webhook when SMS_WEBHOOK_URL is set,
 * email by SMTP when SMTP_URL is set; either goes to the development mailbox otherwise.
 * A message about a parcel sent for real also leaves a copy in the mailbox, which the
 * customer's Messages page reads; an account code (phone confirmation) leaves none, or an
 * admin could read a code meant to prove someone else's phone.
 */
export function appTransport(ctx: Ctx): MessageTransport {
  const mailbox = createMailboxTransport(ctx);
  const config = env();
  if (config.SMTP_URL) smtp ??= createSmtpTransport(config.SMTP_URL, config.MAIL_FROM);
  if (config.SMS_WEBHOOK_URL) sms ??= createSmsWebhookTransport(config.SMS_WEBHOOK_URL, { secret: config.SMS_WEBHOOK_SECRET });
  return byChannel({ sms: sms ? keepingParcelCopies(sms, mailbox) : mailbox, email: smtp ? keepingParcelCopies(smtp, mailbox) : mailbox });
}

/** Sends by `transport`; once it accepted a message about a parcel, files a copy in the mailbox. */
export function keepingParcelCopies(transport: MessageTransport, mailbox: MessageTransport): MessageTransport {
  return {
    name: transport.name,
    async send(message) {
      await transport.send(message);
      if (message.parcelId !== null) await mailbox.send(message);
    },
  };
}

/** Whether text messages end up in the development mailbox rather than on a phone. */
export function smsGoesToMailbox(): boolean {
  return !env().SMS_WEBHOOK_URL;
}
