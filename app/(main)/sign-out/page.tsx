import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { currentUser } from "@/lib/auth/current";
import { ROLE_HOME } from "@/lib/auth/session-policy";
import { signOutAction } from "../(auth)/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("landing.signOut");
  return { title: t("title") };
}

export default async function SignOutPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const t = await getTranslations("landing.signOut");
  return (
    <section className="mx-auto flex max-w-sm flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="text-gray-700">{t.rich("text", { name: user.name, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <form action={signOutAction} className="flex flex-col gap-3 sm:flex-row">
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
        <Link href={ROLE_HOME[user.role]} className={buttonClass("secondary")}>
          {t("stay")}
        </Link>
      </form>
    </section>
  );
}
