import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MessageList } from "@/components/customer/message-list";
import { buttonClass } from "@/components/ui/button";
import { requestContext } from "@/lib/auth/current";
import { smsGoesToMailbox } from "@/lib/notifications/delivery";
import { listMailbox, mailboxAccess } from "@/lib/notifications/mailbox";

export const metadata: Metadata = { title: "Development mailbox" };

export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requestContext();
  const { to } = await searchParams;
  const messages = listMailbox(ctx, { to });
  // Whoever may not read it gets the same page as for an address that does not exist.
  if (!messages) notFound();
  const access = mailboxAccess(ctx);
  return (
    <section className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold">Development mailbox</h1>
        <p className="mt-1 max-w-3xl text-gray-700">
          {smsGoesToMailbox()
            ? "Every text message, and every email while no SMTP server is configured, is delivered here instead of to a phone or a mail server, so the demo works on its own."
            : "Text messages go out through the SMS gateway. This page keeps a copy of each message about a parcel, and holds every email while no SMTP server is configured."}{" "}
          {access === "organization"
            ? "As an admin you see the messages about your organization's parcels. Codes that confirm a phone number are never shown here: they are for the phone's owner only."
            : "This mailbox is open: everybody signed in sees every message, codes that confirm a phone number included. That is for development and demos only, never for a real deployment."}
        </p>
      </div>
      <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex flex-col gap-1">
          <label htmlFor="mailbox-to" className="text-sm font-medium text-gray-800">
            Recipient (phone or email)
          </label>
          <input
            id="mailbox-to"
            name="to"
            type="search"
            defaultValue={to ?? ""}
            className="min-h-11 rounded-lg border border-gray-400 px-3 py-2 text-base sm:w-72"
          />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Show
        </button>
      </form>
      {messages.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-8 text-center text-gray-700">
          {to ? `No messages to ${to}.` : "The mailbox is empty."}
        </p>
      ) : (
        <div className="max-w-2xl">
          <MessageList messages={messages} showRecipient />
        </div>
      )}
    </section>
  );
}
