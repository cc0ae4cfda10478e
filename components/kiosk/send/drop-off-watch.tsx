"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { DropOffProgress } from "@/lib/outbound/drop-off";

/** How often the open-door screen asks whether the cabinet saw the parcel go in. */
const ASK_EVERY_MS = 2_000;

const WORDS = { open: "watchOpen", closed: "watchClosed", unknown: "watchUnknown" } as const;

/**
 * Follows the open door of a drop-off where the cabinet reports its doors (issue 13): when
 * the cabinet reports it closed on the parcel, `onDroppedOff` runs once (the screen then
 * says thank you, as after "I closed the door"). Says what the locker sees meanwhile.
 * Renders nothing, and stops asking, where the cabinets report nothing.
 */
export function DropOffWatch({
  doorLabel,
  progress,
  onDroppedOff,
}: {
  doorLabel: string;
  progress: () => Promise<DropOffProgress | null>;
  onDroppedOff: () => void;
}) {
  const t = useTranslations("kiosk.send");
  const [door, setDoor] = useState<DropOffProgress["cabinetDoor"]>(null);
  const done = useRef(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const answer = await progress().catch(() => undefined);
      if (stopped) return;
      if (answer === null) return; // Not a cabinet that reports, or not ours to see: stop.
      if (answer?.droppedOff) {
        if (!done.current) {
          done.current = true;
          onDroppedOff();
        }
        return;
      }
      if (answer) setDoor(answer.cabinetDoor);
      if (answer && answer.cabinetDoor === null) return;
      timer = setTimeout(ask, ASK_EVERY_MS);
    };
    timer = setTimeout(ask, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [progress, onDroppedOff]);

  if (!door) return null;
  return (
    <p role="status" aria-live="polite" className="rounded-xl border border-sky-300 bg-sky-50 px-4 py-3 text-center text-lg text-sky-950">
      {t(WORDS[door], { door: doorLabel })}
    </p>
  );
}
