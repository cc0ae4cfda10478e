import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MessageList } from "@/components/customer/message-list";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { listMyMessages } from "@/lib/notifications/mailbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer.messages");
  return { title: t("title") };
}

export default async function MessagesPage() {
  const user = await requirePageUser("customer");
  const messages = listMyMessages(await requestContext());
  const t = await getTranslations("customer.messages");
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-gray-700">{t("intro")}</p>
      </div>
      {!user.verifiedPhone ? (
        <p className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
          {t.rich("needPhone", {
            link: (chunks) => (
              <Link href="/account/phone" className="font-semibold underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : messages.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-8 text-center text-gray-700">{t("empty")}</p>
      ) : (
        <MessageList messages={messages} />
      )}
    </section>
  );
}
