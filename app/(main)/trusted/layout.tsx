import type { ReactNode } from "react";
import { TRUSTED_LINK_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { MessagesProvider } from "../../_i18n/messages-provider";

/** The trusted person's page behind their text's link, without an account. */
export default function TrustedLinkLayout({ children }: { children: ReactNode }) {
  return <MessagesProvider namespaces={TRUSTED_LINK_CLIENT_NAMESPACES}>{children}</MessagesProvider>;
}
