/**
 * How long a kiosk screen waits without a touch before it starts again for the next person
 * (components/kiosk/kiosk-screen.tsx), and how long its error screen waits to retry. A module
 * of its own: the error screen's chunk would otherwise carry the whole kiosk screen.
 */
export const IDLE_MS = 25_000;
