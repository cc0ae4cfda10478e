"use client";

import { useEffect } from "react";

/**
 * Remembers the site the courier opened, so the site list puts it first next time. The
 * reserve action sets the same cookie on the server, which also covers browsers that run
 * no script.
 */
export function SiteMemory({ siteId, cookie }: { siteId: number; cookie: { name: string; path: string } }) {
  useEffect(() => {
    document.cookie = `${cookie.name}=${siteId}; path=${cookie.path}; max-age=${90 * 24 * 3600}; samesite=lax`;
  }, [siteId, cookie.name, cookie.path]);
  return null;
}
