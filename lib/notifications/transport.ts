import "server-only";

/** One rendered message on its way out. */
export type OutgoingMessage = {
  notificationId: number;
  kind: string;
  channel: "sms" | "email";
  to: string;
  subject: string;
  text: string;
  parcelId: number | null;
  userId: number | null;
};

/**
 * Whatever carries a message to a person. `send` resolves once the transport has
 * accepted the message (the SMTP server said 250, the mailbox row is committed) and
 * rejects otherwise; the worker marks a message sent only after it resolved.
 */
export interface MessageTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** SMS and email may go different ways: an SMS gateway webhook, an SMTP server, or the mailbox. */
export function byChannel(transports: { sms: MessageTransport; email: MessageTransport }): MessageTransport {
  return {
    name: `sms:${transports.sms.name}, email:${transports.email.name}`,
    send: (message) => transports[message.channel].send(message),
  };
}
