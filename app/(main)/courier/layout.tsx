import type { ReactNode } from "react";
import { CourierNav } from "@/components/courier/courier-nav";
import { COURIER_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { MessagesProvider } from "../../_i18n/messages-provider";

// Navigation only: each page checks who is asking, and the verbs and queries authorize.
// The courier's client components get just the groups of `courier` they use (the door watch
// `doors`, every submit button `ui`); the pages' own words stay on the server.
export default function CourierLayout({ children }: { children: ReactNode }) {
  return (
    <MessagesProvider namespaces={COURIER_CLIENT_NAMESPACES}>
      <CourierNav />
      {children}
    </MessagesProvider>
  );
}
