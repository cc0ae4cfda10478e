import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { currentUser } from "@/lib/auth/current";
import { ROLE_HOME } from "@/lib/auth/session-policy";
import { signOutAction } from "../(auth)/actions";

export const metadata: Metadata = { title: "Sign out" };

export default async function SignOutPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return (
    <section className="mx-auto flex max-w-sm flex-col gap-6">
      <h1 className="text-2xl font-bold">Sign out?</h1>
      <p className="text-gray-700">
        You are signed in as <strong>{user.name}</strong>. On a shared phone or a locker-room tablet, always sign out when you
        are done.
      </p>
      <form action={signOutAction} className="flex flex-col gap-3 sm:flex-row">
        <SubmitButton pendingLabel="Signing out…">Sign out</SubmitButton>
        <Link href={ROLE_HOME[user.role]} className={buttonClass("secondary")}>
          Stay signed in
        </Link>
      </form>
    </section>
  );
}
