import "server-only";
import type { DoorEventKind } from "@/db/schema";

/**
 * What a cabinet reports that an admin must look at: a door opened with no command, a
 * door left open, the cabinet's tamper switch. Shown on the dashboard, the door's page
 * and the audit trail.
 */
export const CABINET_ALARMS = ["forced_open", "left_open", "tamper"] as const satisfies readonly DoorEventKind[];
export const CABINET_ALARMS_SQL = `(${CABINET_ALARMS.map((kind) => `'${kind}'`).join(", ")})`;
