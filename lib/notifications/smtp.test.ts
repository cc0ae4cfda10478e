import net from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSmtpTransport } from "./smtp";
import type { OutgoingMessage } from "./transport";

/*
 * A minimal SMTP server on the loopback interface: it speaks just enough of RFC 5321 for
 * nodemailer, keeps what it accepted, and refuses recipients at refused.example.
 */
type Received = { from: string; to: string[]; data: string };
const received: Received[] = [];
let server: net.Server;
let port = 0;

beforeAll(async () => {
  server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let current: Received = { from: "", to: [], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 test.local ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let newline: number;
      while ((newline = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(current);
            current = { from: "", to: [], data: "" };
            reply("250 2.0.0 queued");
          } else current.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250 test.local");
        else if (verb === "MAIL") {
          current.from = line;
          reply("250 2.1.0 ok");
        } else if (verb === "RCPT") {
          if (line.includes("refused.example")) reply("550 5.1.1 no such mailbox");
          else {
            current.to.push(line);
            reply("250 2.1.5 ok");
          }
        } else if (verb === "DATA") {
          inData = true;
          reply("354 go ahead");
        } else if (verb === "QUIT") {
          reply("221 bye");
          socket.end();
        } else if (verb === "RSET") reply("250 ok");
        else reply("502 not implemented");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const email = (to: string): OutgoingMessage => ({
  notificationId: 1,
  kind: "parcel_deposited",
  channel: "email",
  to,
  subject: "Your parcel is waiting",
  text: "Pickup code: 123456",
  parcelId: 1,
  userId: null,
});

describe("the SMTP transport", () => {
  test("resolves once the server accepted the message, with the configured sender", async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`, "Parcel Lockers <no-reply@lockers.test>");
    await transport.send(email("mei@example.com"));
    const last = received.at(-1)!;
    expect(last.from).toContain("no-reply@lockers.test");
    expect(last.to.join()).toContain("mei@example.com");
    expect(last.data).toContain("Subject: Your parcel is waiting");
    expect(last.data).toContain("Pickup code: 123456");
  });

  test("rejects when the server refuses the recipient, so the worker retries instead of marking it sent", async () => {
    const before = received.length;
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`, "no-reply@lockers.test");
    await expect(transport.send(email("nobody@refused.example"))).rejects.toThrow();
    expect(received.length).toBe(before);
  });

  test("rejects when no server answers", async () => {
    const transport = createSmtpTransport("smtp://127.0.0.1:1", "no-reply@lockers.test");
    await expect(transport.send(email("mei@example.com"))).rejects.toThrow();
  });

  test("sends email only", async () => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`, "no-reply@lockers.test");
    await expect(transport.send({ ...email("13800000001"), channel: "sms" })).rejects.toThrow("email only");
  });
});
