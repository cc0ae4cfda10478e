import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/current";
import { ROLE_HOME } from "@/lib/auth/session-policy";

export default async function HomePage() {
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  return (
    <section className="mx-auto flex max-w-2xl flex-col gap-6 py-10 text-center">
      <h1 className="text-3xl font-bold sm:text-4xl">Your parcels, waiting in a locker near you</h1>
      <p className="text-lg text-gray-700">
        Couriers of every carrier drop parcels into the campus lockers. You get a pickup code, and the door opens when you
        enter it at the locker — any time the site is open.
      </p>
      <div className="flex flex-col justify-center gap-3 sm:flex-row">
        <Link href="/sign-in" className={buttonClass("primary")}>
          Sign in
        </Link>
        <Link href="/sign-up" className={buttonClass("secondary")}>
          Create a customer account
        </Link>
      </div>
    </section>
  );
}
