import type { DoorNotOpened } from "@/lib/parcels/door-status";
import { formatDateTime } from "@/lib/format";

/*
 * A parcel marked collected whose door did not open is still inside: every screen that
 * would say "Collected" says this instead, with what happens next.
 */

/** The pill shown in place of "Collected". */
export function DoorNotOpenedBadge() {
  return (
    <span className="inline-flex shrink-0 whitespace-nowrap rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-950">
      Door did not open
    </span>
  );
}

/** What the recipient reads: the parcel is still inside, and how to get it out. */
export function DoorNotOpenedNotice({ door, siteName }: { door: DoorNotOpened; siteName: string }) {
  return (
    <div role="alert" className="flex flex-col gap-1 rounded-xl border-2 border-amber-500 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">The door did not open.</p>
      <p>
        {door.retryUntil !== null ? (
          <>
            Try again at the locker&apos;s screen (<em>Try the door again</em>) until {formatDateTime(door.retryUntil)}, or ask
            the site&apos;s admin: your parcel is still inside door {door.slotLabel} at {siteName}.
          </>
        ) : (
          <>
            Ask the site&apos;s admin to open it: your parcel is still inside door {door.slotLabel} at {siteName}. We tell you
            once the door has opened.
          </>
        )}
      </p>
    </div>
  );
}
