import Link from "next/link";
import { BrandLink } from "./brand-link";
import type { Role } from "@/db/schema";

const ROLE_LABEL: Record<Role, string> = { customer: "Customer", courier: "Courier", admin: "Admin" };

export function SiteHeader({ user }: { user: { name: string; role: Role } | null }) {
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <BrandLink />
        <nav aria-label="Account" className="flex items-center gap-1 text-sm sm:gap-3">
          {user ? (
            <>
              <span className="hidden text-gray-700 sm:inline">
                {user.name} · {ROLE_LABEL[user.role]}
              </span>
              <Link href="/sign-out" className="whitespace-nowrap rounded-md px-3 py-2 font-medium text-gray-800 hover:bg-gray-100">
                Sign out
              </Link>
            </>
          ) : (
            <>
              <Link href="/sign-in" className="whitespace-nowrap rounded-md px-3 py-2 font-medium text-gray-800 hover:bg-gray-100">
                Sign in
              </Link>
              <Link href="/sign-up" className="whitespace-nowrap rounded-md bg-brand-600 px-3 py-2 font-semibold text-white hover:bg-brand-700">
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
