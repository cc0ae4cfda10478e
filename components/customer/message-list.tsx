import type { MailboxEntry } from "@/lib/notifications/mailbox";
import { formatDateTime } from "@/lib/format";

/** Messages as they arrived, newest first: an SMS as its text, an email with its subject. */
export function MessageList({ messages, showRecipient = false }: { messages: MailboxEntry[]; showRecipient?: boolean }) {
  return (
    <ul className="flex flex-col gap-3">
      {messages.map((message) => (
        <li key={message.id}>
          <article
            aria-label={`${message.channel === "sms" ? "Text message" : "Email"} of ${formatDateTime(message.deliveredAt)}`}
            className="flex flex-col gap-2 rounded-xl border border-gray-200 bg-white p-4"
          >
            <header className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <span className="inline-flex items-center gap-2">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-bold uppercase ${
                    message.channel === "sms" ? "bg-green-100 text-green-900" : "bg-sky-100 text-sky-900"
                  }`}
                >
                  {message.channel === "sms" ? "SMS" : "Email"}
                </span>
                {showRecipient ? <span className="font-mono text-gray-800">to {message.recipient}</span> : null}
              </span>
              <time dateTime={new Date(message.deliveredAt).toISOString()} className="text-gray-700">
                {formatDateTime(message.deliveredAt)}
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
