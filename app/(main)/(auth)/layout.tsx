import type { ReactNode } from "react";
import { AUTH_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { MessagesProvider } from "../../_i18n/messages-provider";

/** The sign-in and sign-up forms word their fields from `auth` (their buttons' pending words from `ui`); the error boundary from routeState. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <MessagesProvider namespaces={AUTH_CLIENT_NAMESPACES}>{children}</MessagesProvider>;
}
