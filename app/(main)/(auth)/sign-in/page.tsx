import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/current";
import { ROLE_HOME } from "@/lib/auth/session-policy";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const params = await searchParams;
  const t = await getTranslations("auth");
  return (
    <section className="mx-auto flex max-w-sm flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("signInTitle")}</h1>
        <p className="mt-1 text-gray-700">{t("signInIntro")}</p>
      </div>
      {params.signedOut ? <Alert tone="success">{t("signedOut")}</Alert> : null}
      {/* Auth.js's own redirect after a refused sign-in posted straight to it (no form state). */}
      {params.error === "CredentialsSignin" ? (
        <Alert tone="error">{params.code === "rate_limited" ? t("rateLimited") : t("badCredentials")}</Alert>
      ) : null}
      <SignInForm callbackUrl={safeCallbackPath(params.callbackUrl)} />
      <p className="text-sm text-gray-700">
        {t("newHere")}{" "}
        <Link href="/sign-up" className="font-semibold text-brand-700 underline">
          {t("createCustomerAccount")}
        </Link>
      </p>
    </section>
  );
}
