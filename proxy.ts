import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/session-policy";
import { PERSON_LINK_HEADER, personLinkOf } from "@/lib/i18n/person-link";
import { contentSecurityPolicy, generateNonce } from "@/lib/security/content-security-policy";
import { inlineStyleHashes } from "@/lib/security/inline-style-hashes";

/*
 * Runs before every page. Three jobs, none reading a database or a secret:
 *  - every page gets a Content-Security-Policy with a fresh nonce. The policy is set on the
 *    request too: Next.js reads the nonce from it and puts it on its own scripts (which is
 *    why pages render per request);
 *  - a convenience only: people without a session cookie are sent to sign in before a
 *    signed-in area renders. Every page, action and domain verb checks who is asking on
 *    its own;
 *  - a page reached from a text's link (/consent/<token>, /trusted/<token>) is named to the
 *    request config in a header, so it can speak the language of the person the text went to
 *    (lib/i18n/person-link.ts). A browser's own header of that name is dropped on every page.
 */

/** The areas that need a session: the sign-in redirect applies to these paths alone. */
const SIGNED_IN_AREAS = ["/courier", "/admin", "/parcels", "/account", "/messages", "/send"];

function needsSession(pathname: string): boolean {
  return SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

function needsWebAssembly(pathname: string): boolean {
  return pathname === "/courier" || pathname.startsWith("/courier/");
}

export function proxy(request: NextRequest) {
  const nonce = generateNonce();
  // NODE_ENV is fixed by Next.js at build time; lib/env.ts (which reads secrets) stays out of here.
  const policy = contentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    // Only the courier's pages compile WebAssembly (the barcode decoder).
    webAssembly: needsWebAssembly(request.nextUrl.pathname),
    styleHashes: inlineStyleHashes(),
  });

  let response: NextResponse;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (needsSession(request.nextUrl.pathname) && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", policy);
    headers.delete(PERSON_LINK_HEADER);
    const link = personLinkOf(request.nextUrl.pathname);
    if (link) headers.set(PERSON_LINK_HEADER, link);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Every page: not /api (JSON, answered by its own handlers), not Next's static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
