import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MessageList } from "@/components/customer/message-list";
import { buttonClass } from "@/components/ui/button";
import { requestContext } from "@/lib/auth/current";
import { smsGoesToMailbox } from "@/lib/notifications/delivery";
import { listMailbox, mailboxAccess } from "@/lib/notifications/mailbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mailbox");
  return { title: t("title") };
}

export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requestContext();
  const { to } = await searchParams;
  const messages = listMailbox(ctx, { to });
  // Whoever may not read it gets the same page as for an address that does not exist.
  if (!messages) notFound();
  const access = mailboxAccess(ctx);
  const t = await getTranslations("mailbox");
  return (
    <section className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-gray-700">
          {smsGoesToMailbox() ? t("toMailbox") : t("toGateway")} {access === "organization" ? t("organizationAccess") : t("openAccess")}
        </p>
      </div>
      <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex flex-col gap-1">
          <label htmlFor="mailbox-to" className="text-sm font-medium text-gray-800">
            {t("recipient")}
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
          {t("show")}
        </button>
      </form>
      {messages.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-8 text-center text-gray-700">
          {to ? t("noMessagesTo", { to }) : t("empty")}
        </p>
      ) : (
        <div className="max-w-2xl">
          <MessageList messages={messages} showRecipient />
        </div>
      )}
    </section>
  );
}
