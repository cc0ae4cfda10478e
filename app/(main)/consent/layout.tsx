import type { ReactNode } from "react";
import { MessagesProvider } from "../../_i18n/messages-provider";

/** The pages behind a text's link, without an account: their forms word themselves from `customer`. */
export default function ConsentLayout({ children }: { children: ReactNode }) {
  return <MessagesProvider namespaces={["common", "routeState", "customer"]}>{children}</MessagesProvider>;
}
