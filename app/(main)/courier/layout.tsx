import type { ReactNode } from "react";
import { CourierNav } from "@/components/courier/courier-nav";

// Navigation only: each page checks who is asking, and the verbs and queries authorize.
export default function CourierLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <CourierNav />
      {children}
    </>
  );
}
