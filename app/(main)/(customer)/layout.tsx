import type { ReactNode } from "react";
import { CustomerNav } from "@/components/customer/customer-nav";
import { MessagesProvider } from "../../_i18n/messages-provider";

/**
 * The customer's sections share one narrow, phone-first column and a tab bar. Their client
 * components (nav, countdown, forms) word themselves from `customer`; the forms' sizes from `sizes`.
 */
export default function CustomerLayout({ children }: { children: ReactNode }) {
  return (
    <MessagesProvider namespaces={["common", "routeState", "customer", "sizes"]}>
      <div className="mx-auto w-full max-w-xl">
        <CustomerNav />
        {children}
      </div>
    </MessagesProvider>
  );
}
