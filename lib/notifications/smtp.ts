import "server-only";
import nodemailer from "nodemailer";
import type { MessageTransport } from "./transport";

type Transporter = ReturnType<typeof nodemailer.createTransport>;

/**
 * Email through an SMTP server (nodemailer). Accepted means the server took the message
 * for every recipient; a refused recipient is a failure, so the worker tries again later
 * and finally reports it failed, rather than marking it sent.
 */
export function createSmtpTransport(server: string | Transporter, from: string): MessageTransport {
  const transporter = typeof server === "string" ? nodemailer.createTransport(server) : server;
  return {
    name: "smtp",
    async send(message) {
      if (message.channel !== "email") throw new Error("the SMTP transport sends email only");
      const info = await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) throw new Error(`the SMTP server refused ${rejected.join(", ")}`);
    },
  };
}
