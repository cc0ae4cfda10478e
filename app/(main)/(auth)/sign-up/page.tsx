import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current";
import { ROLE_HOME } from "@/lib/auth/session-policy";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signUpMetaTitle") };
}

export default async function SignUpPage() {
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const t = await getTranslations("auth");
  return (
    <section className="mx-auto flex max-w-sm flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("signUpTitle")}</h1>
        <p className="mt-1 text-gray-700">{t("signUpIntro")}</p>
      </div>
      <SignUpForm />
      <p className="text-sm text-gray-700">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 underline">
          {t("signInTitle")}
        </Link>
      </p>
    </section>
  );
}
