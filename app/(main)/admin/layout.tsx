import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { ADMIN_CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { MessagesProvider } from "../../_i18n/messages-provider";

// Navigation only: every page checks who is asking, and the verbs authorize what they read.
// The console's client components (its forms, the nav, the error boundary) get just the
// groups of `admin` they use; the pages' own words stay on the server.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <MessagesProvider namespaces={ADMIN_CLIENT_NAMESPACES}>
      <div className="flex flex-col gap-6">
        <AdminNav />
        {children}
      </div>
    </MessagesProvider>
  );
}
