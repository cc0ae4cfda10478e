import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/brand/logo";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/current";
import { ROLE_HOME } from "@/lib/auth/session-policy";

const STEPS = [
  { title: "A courier drops it off", text: "Couriers of every carrier put parcels into a free door of the locker at your station." },
  { title: "You get a code", text: "We text you a 6-digit pickup code; My parcels shows it with a QR code and the door." },
  { title: "The door opens for you", text: "At the locker's screen, enter the code and the last 4 digits of your phone — or show the QR." },
] as const;

const ROLES = [
  {
    who: "Collecting a parcel",
    text: "See your parcels, their codes and how long they wait. New here? Create an account with the phone number parcels are sent to.",
    action: { href: "/sign-up", label: "Create a customer account" },
    secondary: { href: "/sign-in?callbackUrl=%2Fparcels", label: "Sign in to My parcels" },
  },
  {
    who: "Delivering as a courier",
    text: "Deposit parcels at the sites you serve and take back the expired ones. Your carrier's admin gives you an account.",
    action: { href: "/sign-in?callbackUrl=%2Fcourier", label: "Courier sign-in" },
  },
  {
    who: "Running a campus's lockers",
    text: "Sites, lockers and doors, couriers, and every parcel's history, for the admins of an organization.",
    action: { href: "/sign-in?callbackUrl=%2Fadmin", label: "Admin sign-in" },
  },
] as const;

export default async function HomePage() {
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  return (
    <div className="flex flex-col gap-10 py-4 sm:py-8">
      <section aria-labelledby="intro-heading" className="flex flex-col items-center gap-4 text-center">
        <Logo size={64} />
        <h1 id="intro-heading" className="max-w-2xl text-3xl font-bold sm:text-4xl">
          Your parcels, waiting in a locker near you
        </h1>
        <p className="max-w-2xl text-lg text-gray-800">
          Parcel Lockers are self-service stations on campus. Whatever the carrier, your parcel waits in a locked door until you
          collect it — any time the station is open, no queue, no desk.
        </p>
      </section>

      <section aria-labelledby="how-heading" className="flex flex-col gap-4">
        <h2 id="how-heading" className="text-xl font-semibold">
          How it works
        </h2>
        <ol className="grid gap-3 sm:grid-cols-3">
          {STEPS.map((step, i) => (
            <li key={step.title} className="flex gap-3 rounded-2xl border border-gray-200 bg-white p-4">
              <span aria-hidden className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-brand-600 font-bold text-white">
                {i + 1}
              </span>
              <div>
                <h3 className="font-semibold">{step.title}</h3>
                <p className="text-sm text-gray-800">{step.text}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="roles-heading" className="flex flex-col gap-4">
        <h2 id="roles-heading" className="text-xl font-semibold">
          Sign in for what you do
        </h2>
        <ul className="grid gap-3 sm:grid-cols-3">
          {ROLES.map((role) => (
            <li key={role.who} className="flex flex-col gap-3 rounded-2xl border border-gray-200 bg-white p-4">
              <h3 className="font-semibold">{role.who}</h3>
              <p className="flex-1 text-sm text-gray-800">{role.text}</p>
              <Link href={role.action.href} className={buttonClass("primary", "w-full")}>
                {role.action.label}
              </Link>
              {"secondary" in role ? (
                <Link href={role.secondary.href} className={buttonClass("secondary", "w-full")}>
                  {role.secondary.label}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="text-sm text-gray-700">
          Everybody signs in on the same page;{" "}
          <Link href="/sign-in" className="inline-flex min-h-6 items-center font-semibold text-brand-700 underline">
            sign in
          </Link>{" "}
          takes you to your own screens.
        </p>
      </section>
    </div>
  );
}
