/*
 * What the kiosk's "Send a parcel" action hands back to its screen (components/kiosk/send).
 * The screen imports the type only. It never carries the code or phone digits entered, nor
 * whose parcel it is: only the door, and the id the screen sends back to say the door closed
 * or did not work.
 */
import type { SlotSize } from "@/db/enums";

export type SendState =
  | { status: "idle" }
  | {
      status: "open";
      nonce: number;
      door: { label: string; lockerCode: string; size: SlotSize };
      doorOpened: boolean;
      outboundParcelId: number;
      message?: string;
    }
  | { status: "done"; nonce: number; message: string }
  | { status: "wrong" | "locked" | "expired" | "full" | "error"; nonce: number; message: string }
  | { status: "invalid"; nonce: number; message: string; fieldErrors: Record<string, string[]> };
