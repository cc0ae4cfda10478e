import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/current";
import { ROLE_HOME } from "@/lib/auth/session-policy";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const params = await searchParams;
  return (
    <section className="mx-auto flex max-w-sm flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Sign in</h1>
        <p className="mt-1 text-gray-700">Customers, couriers and campus admins all sign in here.</p>
      </div>
      {params.signedOut ? <Alert tone="success">You are signed out.</Alert> : null}
      {/* Auth.js's own redirect after a refused sign-in posted straight to it (no form state). */}
      {params.error === "CredentialsSignin" ? (
        <Alert tone="error">
          {params.code === "rate_limited"
            ? "Too many attempts. Try again in a few minutes."
            : "That email or phone and password do not match an account. Check them and try again."}
        </Alert>
      ) : null}
      <SignInForm callbackUrl={safeCallbackPath(params.callbackUrl)} />
      <p className="text-sm text-gray-700">
        New here?{" "}
        <Link href="/sign-up" className="font-semibold text-brand-700 underline">
          Create a customer account
        </Link>
      </p>
    </section>
  );
}
