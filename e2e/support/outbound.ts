import crypto from "node:crypto";
import { DEMO } from "./accounts";
import { testPhone } from "./courier";
import { domain, e2eDatabase } from "./domain";

/*
 * Returns of a courier's carrier made through the app's own verbs (verbs/outbound.ts) on a
 * server's database: the e2e server's unless a journey names another (the cabinets' server).
 */

const orderReference = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;

/**
 * A return as the customer's phone holds it, before the kiosk: its drop-off code and what its
 * QR holds, with the customer's phone and the order reference it was made for.
 */
export async function makeReturnToDropOff(siteCode: string, courier: string, databasePath = e2eDatabase()) {
  const input = { siteCode, courier, admin: DEMO.admin, orderReference: orderReference("RT"), customerPhone: testPhone() };
  const shipment = await domain("returnToDropOff", input, databasePath);
  return { ...shipment, customerPhone: input.customerPhone, orderReference: input.orderReference };
}

/** A return already dropped off at `siteCode`'s kiosk, waiting in a door for the courier's carrier. */
export async function makeDroppedOffReturn(siteCode: string, courier: string, databasePath = e2eDatabase()) {
  const input = { siteCode, courier, admin: DEMO.admin, orderReference: orderReference("ZH"), customerPhone: testPhone() };
  return domain("droppedOffReturn", input, databasePath);
}
