import type { Metadata } from "next";
import Link from "next/link";
import { MessageList } from "@/components/customer/message-list";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { listMyMessages } from "@/lib/notifications/mailbox";

export const metadata: Metadata = { title: "Messages" };

export default async function MessagesPage() {
  const user = await requirePageUser("customer");
  const messages = listMyMessages(await requestContext());
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Messages</h1>
        <p className="text-gray-700">The texts and emails we sent you about your parcels.</p>
      </div>
      {!user.verifiedPhone ? (
        <p className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
          Messages show up here once you have{" "}
          <Link href="/account/phone" className="font-semibold underline">
            confirmed your phone number
          </Link>
          .
        </p>
      ) : messages.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-8 text-center text-gray-700">No messages yet.</p>
      ) : (
        <MessageList messages={messages} />
      )}
    </section>
  );
}
