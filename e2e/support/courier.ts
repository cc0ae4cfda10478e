import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { domain, e2eDataDir } from "./domain";

/*
 * The courier journeys share one server and database with every other test running in
 * parallel, so each test makes its own parcels: unique tracking numbers, and phone numbers
 * no demo account holds (a customer's parcel list stays theirs).
 */

export function uniqueTracking(prefix = "E2E"): string {
  return `${prefix}${Date.now().toString(36)}${crypto.randomBytes(3).toString("hex")}`.toUpperCase();
}

export function testPhone(): string {
  return `177${crypto.randomInt(10_000_000, 99_999_999)}`;
}

export const SIZE_RANK = { S: 1, M: 2, L: 3, XL: 4 } as const;
export type Size = keyof typeof SIZE_RANK;

/** Chooses a site from the courier's list. */
export async function openSite(page: Page, name: string) {
  await page.goto("/courier");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

export async function fillParcel(page: Page, parcel: { tracking: string; phone: string; size: Size }) {
  await page.getByLabel("Tracking number").fill(parcel.tracking);
  await page.getByLabel("Recipient phone").fill(parcel.phone);
  await page.getByRole("radio", { name: `Size ${parcel.size}` }).check();
}

/** The door screen's heading, read back: which door is open, and its size. */
export async function openDoor(page: Page): Promise<{ door: string; size: Size }> {
  const heading = page.getByRole("heading", { level: 1, name: /^Door \S+ is open$/ });
  await expect(heading).toBeVisible();
  return readDoor(page, heading);
}

export async function readDoor(page: Page, heading = page.getByRole("heading", { level: 1 })): Promise<{ door: string; size: Size }> {
  const door = /door ([A-Z0-9-]+)/i.exec((await heading.textContent()) ?? "")![1];
  const where = await page.getByText(/^Locker \S+ · row \d+ from the top/).textContent();
  return { door, size: /size (S|M|L|XL)$/.exec(where ?? "")![1] as Size };
}

/** Door closed, and the form is back with the confirmation of this parcel. */
export async function closeDoor(page: Page, parcel: { tracking: string; door: string }) {
  await page.getByRole("button", { name: "Door closed" }).click();
  const confirmation = page.getByRole("status").filter({ hasText: `Deposited in door ${parcel.door}` });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toContainText(parcel.tracking);
  await expect(page.getByLabel("Tracking number")).toHaveValue("");
}

/**
 * A parcel of `courier`'s carrier at `siteCode` whose hold period is over (see
 * verbs/parcels.ts), on the e2e server's database.
 */
export async function makeExpiredParcel(siteCode: string, courier: string) {
  return domain("expiredParcel", { siteCode, courier, trackingNumber: uniqueTracking("EXP"), recipientPhone: testPhone() });
}

/** A parcel waiting at `siteCode` with its pickup code, as the recipient's phone shows it. */
export async function makeWaitingParcel(siteCode: string, courier: string) {
  return makeWaitingParcelFor(siteCode, courier, testPhone());
}

/** A waiting parcel for a given recipient phone (a customer of the test's own), with its tracking number. */
export async function makeWaitingParcelFor(siteCode: string, courier: string, recipientPhone: string) {
  const trackingNumber = uniqueTracking("WAIT");
  return { ...(await domain("waitingParcel", { siteCode, courier, trackingNumber, recipientPhone })), trackingNumber };
}

/**
 * A parcel waiting at `siteCode` for `recipientPhone` whose code this server cannot read back,
 * as after its PICKUP_CODE_ENCRYPTION_KEY was changed.
 */
export async function makeLostCodeParcelFor(siteCode: string, courier: string, recipientPhone: string) {
  const trackingNumber = uniqueTracking("LOST");
  return { ...(await domain("lostCodeParcel", { siteCode, courier, trackingNumber, recipientPhone })), trackingNumber };
}

/** A parcel the carrier announced at `siteCode`, waiting for the courier's scan. */
export async function makeAnnouncedParcel(siteCode: string, courier: string, parcel: { size: Size; recipientName?: string }) {
  const recipientPhone = testPhone();
  const made = await domain("announcedParcel", { siteCode, courier, trackingNumber: uniqueTracking("ANN"), recipientPhone, ...parcel });
  return { ...made, recipientPhone };
}

/**
 * Jams a door of the e2e server's simulated controller until the returned function frees
 * it (lib/doors/index.ts: one file per jammed door beside the database).
 */
export function jamDoor(doorName: string): () => void {
  const dir = path.join(e2eDataDir(), "simulated-door-jams");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, encodeURIComponent(doorName));
  fs.writeFileSync(file, "");
  return () => fs.rmSync(file, { force: true });
}
