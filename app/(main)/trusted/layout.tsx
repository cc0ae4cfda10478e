import type { ReactNode } from "react";
import { MessagesProvider } from "../../_i18n/messages-provider";

/** The trusted person's page behind their text's link, without an account. */
export default function TrustedLinkLayout({ children }: { children: ReactNode }) {
  return <MessagesProvider namespaces={["common", "routeState", "trustedLink"]}>{children}</MessagesProvider>;
}
