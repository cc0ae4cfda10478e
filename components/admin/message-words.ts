/** What each parcel message is, in the console's words. */
const MESSAGE_KIND_LABELS: Record<string, string> = {
  parcel_deposited: "Pickup code",
  pickup_reminder: "Reminder",
  parcel_expired: "Pickup time over",
  parcel_collected: "Collected notice",
  crunch_reminder: "Collect-today request (site forecast full)",
};

/** "Pickup code by text to 13800000001". */
export function describeMessage(message: { kind: string; channel: "sms" | "email"; recipient: string }): string {
  return `${MESSAGE_KIND_LABELS[message.kind] ?? message.kind} by ${message.channel === "sms" ? "text" : "email"} to ${message.recipient}`;
}
