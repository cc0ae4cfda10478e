import "server-only";
import crypto from "node:crypto";
import type { MessageTransport } from "./transport";

/*
 * Text messages through the operator's own SMS gateway: one HTTPS POST per message to a
 * webhook they run (a few lines in front of Aliyun SMS, Tencent Cloud SMS, Twilio, a GSM
 * modem…), so the project speaks one small documented protocol instead of every vendor's
 * (docs/SMS.md). A 2xx answer means the gateway took the message; anything else, a timeout
 * or a redirect is a failure, and the outbox worker tries again later with backoff.
 */

const SMS_WEBHOOK_TIMEOUT_MS = 10_000;

/** The signature a gateway checks: HMAC-SHA256 over "<timestamp>.<body>" with the shared secret. */
export function smsWebhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function createSmsWebhookTransport(
  url: string,
  options: { secret?: string; timeoutMs?: number; now?: () => number } = {},
): MessageTransport {
  const { secret, timeoutMs = SMS_WEBHOOK_TIMEOUT_MS, now = Date.now } = options;
  return {
    name: "sms-webhook",
    async send(message) {
      if (message.channel !== "sms") throw new Error("the SMS webhook sends text messages only");
      const body = JSON.stringify({ id: message.notificationId, kind: message.kind, to: message.to, text: message.text });
      const timestamp = String(Math.floor(now() / 1000));
      const headers: Record<string, string> = {
        "content-type": "application/json",
        // A message the worker sends again (it crashed after the gateway took it, before
        // marking it sent) carries the same key, so the gateway can drop the copy.
        "idempotency-key": `notification-${message.notificationId}`,
        "x-parcel-lockers-timestamp": timestamp,
      };
      if (secret) headers["x-parcel-lockers-signature"] = smsWebhookSignature(secret, timestamp, body);
      let response: Response;
      try {
        response = await fetch(url, { method: "POST", headers, body, redirect: "error", signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        throw new Error(`the SMS gateway did not answer: ${error instanceof Error ? error.message : String(error)}`);
      }
      // Read the answer to the end so the connection is reused, and never trust its size.
      const answer = (await response.text().catch(() => "")).slice(0, 200);
      if (!response.ok) throw new Error(`the SMS gateway refused the message: ${response.status} ${answer}`.trim());
    },
  };
}
