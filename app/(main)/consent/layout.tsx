import type { ReactNode } from "react";
import { CONSENT_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { MessagesProvider } from "../../_i18n/messages-provider";

/** The pages behind a text's link, without an account: their forms' groups only (lib/i18n/client-namespaces.ts). */
export default function ConsentLayout({ children }: { children: ReactNode }) {
  return <MessagesProvider namespaces={CONSENT_CLIENT_NAMESPACES}>{children}</MessagesProvider>;
}
