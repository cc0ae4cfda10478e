import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createSmsWebhookTransport, smsWebhookSignature } from "./sms-webhook";
import type { OutgoingMessage } from "./transport";

/*
 * A gateway on the loopback interface that records what it was sent and answers as the
 * test tells it: a status, a redirect, or nothing for a while.
 */
type Received = { headers: http.IncomingHttpHeaders; body: string; method?: string };
const received: Received[] = [];
let answer: { status: number; delayMs?: number; location?: string } = { status: 202 };
let server: http.Server;
let url = "";

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body, method: request.method });
      const reply = () => {
        if (answer.location) response.setHeader("location", answer.location);
        response.writeHead(answer.status).end(answer.status >= 400 ? "quota exceeded" : "ok");
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  answer = { status: 202 };
});

const text: OutgoingMessage = {
  notificationId: 41,
  kind: "parcel_deposited",
  channel: "sms",
  to: "13800000001",
  subject: "",
  text: "Your parcel is in locker A-07 at North Dormitory Station. Pickup code 482913",
  parcelId: 7,
  userId: null,
};

describe("the SMS gateway webhook", () => {
  test("posts the message as JSON, signed with the shared secret and keyed by the notification", async () => {
    const now = Date.UTC(2026, 10, 26, 9, 0, 0);
    const transport = createSmsWebhookTransport(url, { secret: "a-shared-secret-of-the-operator", now: () => now });
    await transport.send(text);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request.method).toBe("POST");
    expect(JSON.parse(request.body)).toEqual({ id: 41, kind: "parcel_deposited", to: "13800000001", text: text.text });
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["idempotency-key"]).toBe("notification-41");
    const timestamp = String(now / 1000);
    expect(request.headers["x-parcel-lockers-timestamp"]).toBe(timestamp);
    expect(request.headers["x-parcel-lockers-signature"]).toBe(smsWebhookSignature("a-shared-secret-of-the-operator", timestamp, request.body));
    expect(request.headers["x-parcel-lockers-signature"]).not.toBe(smsWebhookSignature("another-secret-entirely", timestamp, request.body));
  });

  test("without a secret the request is unsigned", async () => {
    await createSmsWebhookTransport(url).send(text);
    expect(received[0].headers["x-parcel-lockers-signature"]).toBeUndefined();
  });

  test("a refusal, a redirect, silence or no server at all is a failure the worker retries, never 'sent'", async () => {
    const transport = createSmsWebhookTransport(url, { timeoutMs: 300 });
    answer = { status: 503 };
    await expect(transport.send(text)).rejects.toThrow("the SMS gateway refused the message: 503 quota exceeded");
    answer = { status: 302, location: "http://127.0.0.1:9/elsewhere" };
    await expect(transport.send(text)).rejects.toThrow(/did not answer/);
    answer = { status: 202, delayMs: 1_000 };
    await expect(transport.send(text)).rejects.toThrow(/did not answer/);
    await expect(createSmsWebhookTransport("http://127.0.0.1:9/nothing-listens").send(text)).rejects.toThrow(/did not answer/);
  });

  test("it carries text messages only", async () => {
    await expect(createSmsWebhookTransport(url).send({ ...text, channel: "email" })).rejects.toThrow("text messages only");
    expect(received).toHaveLength(0);
  });
});
