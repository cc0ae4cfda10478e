import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { phoneVerificationStatus } from "@/lib/auth/phone-verification";
import { listPickupSites, myPreferredSite } from "@/lib/customer/preferences";
import { PasswordForm } from "./password-form";
import { PreferredSiteForm } from "./preferred-site-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("customer");
  const ctx = await requestContext();
  const phone = phoneVerificationStatus(ctx);
  const sites = listPickupSites(ctx);
  const preferred = myPreferredSite(ctx);
  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Account</h1>
        <p className="text-gray-700">Signed in as {user.name}.</p>
      </div>

      <section aria-labelledby="phone-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
        <h2 id="phone-heading" className="text-lg font-semibold">
          Phone number
        </h2>
        <p>
          <span className="font-mono">{phone.maskedPhone ?? "none"}</span>{" "}
          {phone.verified ? (
            <span className="font-semibold text-green-800">— confirmed</span>
          ) : (
            <span className="font-semibold text-amber-800">— not confirmed yet</span>
          )}
        </p>
        {!phone.verified ? (
          <Link href="/account/phone" className={buttonClass("primary", "w-full sm:w-fit")}>
            Confirm my phone number
          </Link>
        ) : (
          <p className="text-sm text-gray-700">Parcels addressed to this number show up in My parcels.</p>
        )}
      </section>

      <section aria-labelledby="lockers-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
        <h2 id="lockers-heading" className="text-lg font-semibold">
          Lockers and consent
        </h2>
        <p className="text-gray-700">Whether couriers may put your parcels in a locker, ask you first, or bring them to you.</p>
        <Link href="/account/lockers" className={buttonClass("secondary", "w-full sm:w-fit")}>
          Locker preferences
        </Link>
      </section>
      <section aria-labelledby="site-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
        <h2 id="site-heading" className="text-lg font-semibold">
          Where you like to collect
        </h2>
        {preferred ? (
          <p className="text-sm text-gray-800">
            Now: <strong>{preferred.name}</strong>, {preferred.address}
          </p>
        ) : null}
        <PreferredSiteForm sites={sites} current={preferred?.id ?? null} />
      </section>

      <section aria-labelledby="password-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
        <h2 id="password-heading" className="text-lg font-semibold">
          Password
        </h2>
        <p className="text-sm text-gray-700">Changing it signs you out on every other device.</p>
        <PasswordForm />
      </section>
    </section>
  );
}
