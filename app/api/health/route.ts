import { now } from "@/lib/clock";
import { appHealth } from "@/lib/health";

// Health probe for the e2e web server and for operators' monitors: the process answers and
// its database does (the status code), and what to alert on besides (the body: the outbox's
// backlog, the cabinets' broker; lib/health.ts). Never cached.
export const dynamic = "force-dynamic";

export function GET() {
  const report = appHealth(now());
  return Response.json(report, { status: report.ok ? 200 : 503 });
}
