import { RouteState } from "@/components/layout/route-state";

/*
 * Reached only by an address naming no site (the page renders every known site, paired or
 * showing its pairing code), so there is no start screen to go back to: the screen says
 * who can fix it. Someone setting the screen up types the right address.
 */
export default function KioskNotFound() {
  return (
    <main className="grid flex-1 place-items-center">
      <RouteState kiosk title="This screen is not set up" actions={null}>
        <p>There is no locker station with this code. Please use another screen, or ask at the station desk.</p>
      </RouteState>
    </main>
  );
}
