import { Alert } from "@/components/ui/alert";

/*
 * What a page says after an action sent the admin to it (?notice=…). Only these fixed
 * sentences are ever shown, so a crafted link cannot put words on the page.
 */
const NOTICES = {
  "site-created": "The site is created and open. Add its lockers next.",
  "site-updated": "The site's details are saved.",
  "site-closed": "The site is closed: couriers cannot deposit here until you reopen it.",
  "site-reopened": "The site is open again and takes deposits.",
  "locker-added": "The locker is added; its doors are in service and free.",
  "locker-removed": "The locker is removed.",
  "locker-retired": "The locker is retired. Its doors are out of service for good and keep their history.",
  "kiosk-paired": "The screen is paired: within a few seconds it shows the keypad and opens doors for the right code.",
  "kiosk-unpaired": "The kiosk's screens are unpaired: they open no doors until an admin pairs them again.",
  "slot-retired": "The door is removed for good. It keeps its history and is never assigned again.",
  "courier-created": "The courier can sign in now with the phone number and the first password you chose.",
  "courier-deactivated": "The courier is deactivated: signed out at once, and unable to sign in until reactivated.",
  "courier-reactivated": "The courier is active again and can sign in.",
} as const;

export type NoticeKey = keyof typeof NOTICES;

export function Notice({ value }: { value: string | string[] | undefined }) {
  const key = typeof value === "string" && value in NOTICES ? (value as NoticeKey) : null;
  return key ? <Alert tone="success">{NOTICES[key]}</Alert> : null;
}
