import { useLocale, useTranslations } from "next-intl";
import type { MailboxEntry } from "@/lib/notifications/mailbox";
import { formatAt } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { DEFAULT_TIME_ZONE } from "@/lib/time";

/**
 * Messages as they arrived, newest first: an SMS as its text, an email with its subject.
 * A message names no site, so its time is in the installation's zone unless the caller knows better.
 */
export function MessageList({
  messages,
  showRecipient = false,
  timeZone = DEFAULT_TIME_ZONE,
}: {
  messages: MailboxEntry[];
  showRecipient?: boolean;
  timeZone?: string;
}) {
  const t = useTranslations("customer.messageList");
  const time = { locale: useLocale() as Locale, timeZone };
  return (
    <ul className="flex flex-col gap-3">
      {messages.map((message) => (
        <li key={message.id}>
          <article
            aria-label={t(message.channel === "sms" ? "smsOf" : "emailOf", { at: formatAt(message.deliveredAt, time) })}
            className="flex flex-col gap-2 rounded-xl border border-gray-200 bg-white p-4"
          >
            <header className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <span className="inline-flex items-center gap-2">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-bold uppercase ${
                    message.channel === "sms" ? "bg-green-100 text-green-900" : "bg-sky-100 text-sky-900"
                  }`}
                >
                  {t(message.channel === "sms" ? "sms" : "email")}
                </span>
                {showRecipient ? <span className="font-mono text-gray-800">{t("to", { recipient: message.recipient })}</span> : null}
              </span>
              <time dateTime={new Date(message.deliveredAt).toISOString()} className="text-gray-700">
                {formatAt(message.deliveredAt, time)}
              </time>
            </header>
            {message.channel === "email" ? <h3 className="font-semibold">{message.subject}</h3> : null}
            <p className="whitespace-pre-wrap break-words text-gray-900">{message.text}</p>
          </article>
        </li>
      ))}
    </ul>
  );
}
