import type { ReactNode } from "react";
import { MessagesProvider } from "../../_i18n/messages-provider";

/** The sign-in and sign-up forms word their fields from `auth`; the error boundary from routeState. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <MessagesProvider namespaces={["common", "routeState", "auth"]}>{children}</MessagesProvider>;
}
