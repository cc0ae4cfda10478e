import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";

/*
 * What a page says after an action sent the admin to it (?notice=…). Only these fixed
 * sentences are ever shown, so a crafted link cannot put words on the page.
 */
const NOTICES = {
  "site-created": "siteCreated",
  "site-updated": "siteUpdated",
  "site-closed": "siteClosed",
  "site-reopened": "siteReopened",
  "locker-added": "lockerAdded",
  "locker-removed": "lockerRemoved",
  "locker-retired": "lockerRetired",
  "row-heights-saved": "rowHeightsSaved",
  "kiosk-paired": "kioskPaired",
  "kiosk-unpaired": "kioskUnpaired",
  "slot-retired": "slotRetired",
  "courier-created": "courierCreated",
  "courier-deactivated": "courierDeactivated",
  "courier-reactivated": "courierReactivated",
} as const;

export type NoticeKey = keyof typeof NOTICES;

export function Notice({ value }: { value: string | string[] | undefined }) {
  const t = useTranslations("admin.shell.notices");
  const key = typeof value === "string" && Object.hasOwn(NOTICES, value) ? (value as NoticeKey) : null;
  return key ? <Alert tone="success">{t(NOTICES[key])}</Alert> : null;
}
