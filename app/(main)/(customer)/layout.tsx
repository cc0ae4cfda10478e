import type { ReactNode } from "react";
import { CustomerNav } from "@/components/customer/customer-nav";

/** The customer's sections share one narrow, phone-first column and a tab bar. */
export default function CustomerLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-xl">
      <CustomerNav />
      {children}
    </div>
  );
}
