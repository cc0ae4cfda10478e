import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/session-policy";

/*
 * A convenience only: people without a session cookie are sent to sign in before the
 * page renders. Every page, action and domain verb checks who is asking on its own; this
 * file reads no database and no secret.
 */
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/courier/:path*", "/admin/:path*", "/parcels/:path*", "/account/:path*", "/messages/:path*"],
};
