import type { DoorState, KioskDoor, KioskLocker } from "@/lib/kiosk/door-grid";

const ROW_WEIGHT: Record<KioskDoor["size"], number> = { S: 2, M: 3, L: 5, XL: 7 };

const CELL: Record<DoorState, string> = {
  free: "border-gray-300 bg-white text-gray-700",
  occupied: "border-gray-400 bg-gray-300 text-gray-800",
  out_of_service: "border-red-300 bg-red-50 text-red-900 bg-[repeating-linear-gradient(135deg,transparent,transparent_6px,rgba(185,28,28,0.12)_6px,rgba(185,28,28,0.12)_12px)]",
};

const STATE_TEXT: Record<DoorState, string> = { free: "free", occupied: "occupied", out_of_service: "out of service" };

/**
 * The site's cabinets as they stand, each door drawn at its row and column and as tall as
 * its size. `openDoor` is the one to look for: it is lit up. The picture is for the eye;
 * a screen reader gets each cabinet's counts and, from the status message, the door.
 */
export function DoorGrid({ lockers, openDoor }: { lockers: KioskLocker[]; openDoor?: string | null }) {
  return (
    // --door-unit scales every cabinet with the screen: small on a phone, tall on a kiosk.
    <div className="flex flex-wrap items-end justify-center gap-4 [--door-unit:0.55rem] sm:[--door-unit:0.8rem] portrait:lg:[--door-unit:1.1rem]">
      {lockers.map((locker) => {
        const rowWeights = Array.from({ length: locker.rows }, (_, r) =>
          Math.max(2, ...locker.doors.filter((d) => d.row === r + 1).map((d) => ROW_WEIGHT[d.size])),
        );
        const counts = { free: 0, occupied: 0, out_of_service: 0 };
        for (const door of locker.doors) counts[door.state] += 1;
        return (
          <figure key={locker.code} className="flex flex-col items-center gap-2">
            <div
              aria-hidden
              className="grid gap-1 rounded-xl border-4 border-gray-700 bg-gray-700 p-1"
              style={{
                gridTemplateColumns: `repeat(${locker.columns}, minmax(2rem, 4rem))`,
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
                    title={`${door.label} · ${door.size} · ${STATE_TEXT[door.state]}`}
                    className={`relative flex items-center justify-center rounded-sm border text-[0.7rem] font-semibold leading-none sm:text-xs ${
                      open ? "z-10 scale-110 border-brand-800 bg-brand-600 text-white shadow-lg" : CELL[door.state]
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
              <span className="font-semibold">Locker {locker.code}</span>
              <span className="sr-only">
                : {counts.free} free, {counts.occupied} occupied, {counts.out_of_service} out of service
              </span>
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}

export function DoorLegend() {
  return (
    <ul aria-hidden className="flex flex-wrap justify-center gap-4 text-sm text-gray-800">
      <li className="flex items-center gap-2">
        <span className="h-4 w-4 rounded-sm border border-gray-300 bg-white" /> free
      </li>
      <li className="flex items-center gap-2">
        <span className="h-4 w-4 rounded-sm border border-gray-400 bg-gray-300" /> occupied
      </li>
      <li className="flex items-center gap-2">
        <span className="h-4 w-4 rounded-sm border border-red-300 bg-red-100" /> out of service
      </li>
      <li className="flex items-center gap-2">
        <span className="h-4 w-4 rounded-sm bg-brand-600" /> your door
      </li>
    </ul>
  );
}
