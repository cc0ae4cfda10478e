import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/brand/logo";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/current";
import { ROLE_HOME } from "@/lib/auth/session-policy";

const STEPS = ["dropOff", "code", "door"] as const;

const ROLES = [
  {
    who: "customer",
    action: { href: "/sign-up", label: "roles.customer.signUp" },
    secondary: { href: "/sign-in?callbackUrl=%2Fparcels", label: "roles.customer.signIn" },
  },
  { who: "courier", action: { href: "/sign-in?callbackUrl=%2Fcourier", label: "roles.courier.signIn" } },
  { who: "admin", action: { href: "/sign-in?callbackUrl=%2Fadmin", label: "roles.admin.signIn" } },
] as const;

export default async function HomePage() {
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const t = await getTranslations("landing");
  return (
    <div className="flex flex-col gap-10 py-4 sm:py-8">
      <section aria-labelledby="intro-heading" className="flex flex-col items-center gap-4 text-center">
        <Logo size={64} />
        <h1 id="intro-heading" className="max-w-2xl text-3xl font-bold sm:text-4xl">
          {t("title")}
        </h1>
        <p className="max-w-2xl text-lg text-gray-800">{t("intro")}</p>
      </section>

      <section aria-labelledby="how-heading" className="flex flex-col gap-4">
        <h2 id="how-heading" className="text-xl font-semibold">
          {t("howHeading")}
        </h2>
        <ol className="grid gap-3 sm:grid-cols-3">
          {STEPS.map((step, i) => (
            <li key={step} className="flex gap-3 rounded-2xl border border-gray-200 bg-white p-4">
              <span aria-hidden className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-brand-600 font-bold text-white">
                {i + 1}
              </span>
              <div>
                <h3 className="font-semibold">{t(`steps.${step}.title`)}</h3>
                <p className="text-sm text-gray-800">{t(`steps.${step}.text`)}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="roles-heading" className="flex flex-col gap-4">
        <h2 id="roles-heading" className="text-xl font-semibold">
          {t("rolesHeading")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-3">
          {ROLES.map((role) => (
            <li key={role.who} className="flex flex-col gap-3 rounded-2xl border border-gray-200 bg-white p-4">
              <h3 className="font-semibold">{t(`roles.${role.who}.title`)}</h3>
              <p className="flex-1 text-sm text-gray-800">{t(`roles.${role.who}.text`)}</p>
              <Link href={role.action.href} className={buttonClass("primary", "w-full")}>
                {t(role.action.label)}
              </Link>
              {"secondary" in role ? (
                <Link href={role.secondary.href} className={buttonClass("secondary", "w-full")}>
                  {t(role.secondary.label)}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="text-sm text-gray-700">
          {t.rich("samePage", {
            link: (chunks) => (
              <Link href="/sign-in" className="inline-flex min-h-6 items-center font-semibold text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>
    </div>
  );
}
