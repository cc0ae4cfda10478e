import Link from "next/link";
import { RouteState } from "@/components/layout/route-state";
import { SiteHeader } from "@/components/layout/site-header";
import { buttonClass } from "@/components/ui/button";
import type { Role } from "@/db/schema";
import { currentUser } from "@/lib/auth/current";
import { ROLE_HOME } from "@/lib/auth/session-policy";

const WAY_BACK: Record<Role, string> = { customer: "Go to My parcels", courier: "Go to your sites", admin: "Go to the dashboard" };

/*
 * An address no route matches, in any area (/courier/nonsense, /parcels/1/extra): Next.js
 * draws this one inside the root layout only, so it brings the site header itself and
 * sends a signed-in person back to their own start, as the area's own not-found would.
 */
export default async function NotFound() {
  const user = await currentUser();
  return (
    <>
      <SiteHeader user={user ? { name: user.name, role: user.role } : null} />
      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6">
        <RouteState
          title="Page not found"
          actions={
            <Link href={user ? ROLE_HOME[user.role] : "/"} className={buttonClass("primary")}>
              {user ? WAY_BACK[user.role] : "Go to the home page"}
            </Link>
          }
        >
          <p>There is no page at this address. If you typed it, check it; if a link brought you here, it is out of date.</p>
        </RouteState>
      </main>
    </>
  );
}
