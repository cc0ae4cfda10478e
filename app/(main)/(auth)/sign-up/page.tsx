import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current";
import { ROLE_HOME } from "@/lib/auth/session-policy";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  return (
    <section className="mx-auto flex max-w-sm flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Create your account</h1>
        <p className="mt-1 text-gray-700">See your parcels, their pickup codes and where to collect them.</p>
      </div>
      <SignUpForm />
      <p className="text-sm text-gray-700">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-semibold text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </section>
  );
}
