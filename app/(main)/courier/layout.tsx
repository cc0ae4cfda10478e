import type { ReactNode } from "react";
import { CourierNav } from "@/components/courier/courier-nav";
import { MessagesProvider } from "../../_i18n/messages-provider";

// Navigation only: each page checks who is asking, and the verbs and queries authorize.
// The courier's client components word themselves from `courier` (the door watch from `doors`).
export default function CourierLayout({ children }: { children: ReactNode }) {
  return (
    <MessagesProvider namespaces={["common", "routeState", "courier", "doors"]}>
      <CourierNav />
      {children}
    </MessagesProvider>
  );
}
