import { useTranslations } from "next-intl";
import type { CSSProperties } from "react";
import type { DoorState, KioskDoor, KioskLocker } from "@/lib/kiosk/door-grid";
import { DOOR_CONDITIONS, YOUR_DOOR } from "@/lib/vocabulary/states";

const ROW_WEIGHT: Record<KioskDoor["size"], number> = { S: 2, M: 3, L: 5, XL: 7 };

// A public screen draws every working door alike: which doors hold a parcel is nobody's
// business at the kiosk (lib/kiosk/door-grid.ts never sends it).
const IN_SERVICE = `${DOOR_CONDITIONS.free.tone.fill} ${DOOR_CONDITIONS.free.tone.border}`;
const OUT_OF_SERVICE = `${DOOR_CONDITIONS.out_of_service.tone.fill} ${DOOR_CONDITIONS.out_of_service.tone.border}`;
const CELL: Record<DoorState, string> = { in_service: IN_SERVICE, out_of_service: OUT_OF_SERVICE };

/**
 * The site's cabinets as they stand, each door drawn at its row and column and as tall as
 * its size. `openDoor` is the one to look for: it is lit up. The picture is for the eye;
 * a screen reader gets each cabinet's door count and, from the status message, the door.
 */
export function DoorGrid({ lockers, openDoor }: { lockers: KioskLocker[]; openDoor?: string | null }) {
  const t = useTranslations("kiosk.doors");
  const size = useTranslations("sizes");
  const weights = lockers.map((locker) =>
    Array.from({ length: locker.rows }, (_, r) => Math.max(2, ...locker.doors.filter((d) => d.row === r + 1).map((d) => ROW_WEIGHT[d.size]))),
  );
  // Beside the keypad on a landscape kiosk the cabinets stand side by side and shrink to the
  // map's box (a size container, kiosk-screen.tsx), however many the site has: the screen
  // never scrolls. What is not door: each cabinet's frame (16 px) and 4 px between doors,
  // 16 px between cabinets, 28 px for its caption. The door numbers shrink with the doors.
  const fixedWidth = lockers.reduce((sum, locker) => sum + 16 + (locker.columns - 1) * 4, 0) + Math.max(0, lockers.length - 1) * 16;
  const fixedHeight = Math.max(0, ...lockers.map((locker) => 16 + (locker.rows - 1) * 4)) + 28;
  const columns = Math.max(1, lockers.reduce((sum, locker) => sum + locker.columns, 0));
  const tallest = Math.max(1, ...weights.map((rows) => rows.reduce((sum, w) => sum + w, 0)));
  const fit = {
    "--map-door-col": `min(3.5rem, calc((100cqw - ${fixedWidth}px) / ${columns}))`,
    "--map-door-unit": `min(0.7rem, calc((100cqh - ${fixedHeight}px) / ${tallest}))`,
  } as CSSProperties;
  return (
    // --door-unit scales every cabinet with the screen: small on a phone, tall on a portrait
    // kiosk, fitted to the map's box on a landscape one.
    <div
      style={fit}
      className="flex flex-wrap items-end justify-center gap-4 [--door-col:minmax(2rem,3.5rem)] [--door-unit:0.55rem] sm:[--door-unit:0.7rem] portrait:lg:[--door-unit:1.1rem] landscape:lg:flex-nowrap landscape:lg:[--door-col:var(--map-door-col)] landscape:lg:[--door-unit:var(--map-door-unit)]"
    >
      {lockers.map((locker, index) => {
        const rowWeights = weights[index];
        const outOfService = locker.doors.filter((door) => door.state === "out_of_service").length;
        return (
          <figure key={locker.code} className="flex flex-col items-center gap-2">
            <div
              aria-hidden
              className="grid gap-1 rounded-xl border-4 border-gray-700 bg-gray-700 p-1"
              style={{
                gridTemplateColumns: `repeat(${locker.columns}, var(--door-col))`,
                gridTemplateRows: rowWeights.map((w) => `calc(${w} * var(--door-unit))`).join(" "),
              }}
            >
              {locker.doors.map((door) => {
                const open = door.label === openDoor;
                return (
                  <div
                    key={door.label}
                    data-door={door.label}
                    data-state={open ? "open" : door.state}
                    title={t("doorTitle", { door: door.label, size: size(door.size), state: door.state })}
                    className={`relative flex items-center justify-center rounded-sm border text-xs font-semibold leading-none sm:text-sm landscape:lg:text-[length:min(0.875rem,calc(var(--map-door-col)*0.5))] ${
                      open ? `z-10 scale-110 shadow-lg ${YOUR_DOOR.fill} ${YOUR_DOOR.border}` : CELL[door.state]
                    }`}
                    style={{ gridRow: door.row, gridColumn: door.column }}
                  >
                    {/* The blinking is a ring around the door, never the label, so the label stays readable. */}
                    {open ? (
                      <span className="pointer-events-none absolute -inset-1.5 rounded-md ring-4 ring-brand-400 motion-safe:animate-pulse" />
                    ) : null}
                    {door.label.split("-").pop()}
                  </div>
                );
              })}
            </div>
            <figcaption className="text-center text-sm text-gray-800">
              <span className="font-semibold">{t("locker", { locker: locker.code })}</span>
              <span className="sr-only">{t("lockerDoors", { doors: locker.doors.length, out: outOfService })}</span>
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}

/** What the map's colours mean: a door, one out of service, and the door that opened for you. */
export function DoorLegend() {
  const t = useTranslations("kiosk.doors");
  return (
    <ul aria-label={t("legend")} className="flex flex-wrap justify-center gap-4 text-base text-gray-900">
      <li className="flex items-center gap-2">
        <span aria-hidden className={`h-5 w-5 rounded-sm border ${IN_SERVICE}`} /> {t("legendDoor")}
      </li>
      <li className="flex items-center gap-2">
        <span aria-hidden className={`h-5 w-5 rounded-sm border ${OUT_OF_SERVICE}`} /> {t("legendOut")}
      </li>
      <li className="flex items-center gap-2">
        <span aria-hidden className={`h-5 w-5 rounded-sm border ${YOUR_DOOR.fill} ${YOUR_DOOR.border}`} /> {t("legendYours")}
      </li>
    </ul>
  );
}
