import type { ReactNode } from "react";
import { CustomerNav } from "@/components/customer/customer-nav";
import { CUSTOMER_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { MessagesProvider } from "../../_i18n/messages-provider";

/**
 * The customer's sections share one narrow, phone-first column and a tab bar. Their client
 * components (nav, countdown, forms) get only the groups they use (lib/i18n/client-namespaces.ts);
 * no page below nests a provider of its own.
 */
export default function CustomerLayout({ children }: { children: ReactNode }) {
  return (
    <MessagesProvider namespaces={CUSTOMER_CLIENT_NAMESPACES}>
      <div className="mx-auto w-full max-w-xl">
        <CustomerNav />
        {children}
      </div>
    </MessagesProvider>
  );
}
