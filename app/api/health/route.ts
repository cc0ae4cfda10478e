import { databaseAnswers } from "@/lib/health";

// Health probe for the e2e web server and for operators' monitors: the process answers and
// its database does. Never cached.
export const dynamic = "force-dynamic";

export function GET() {
  if (databaseAnswers()) return Response.json({ ok: true, database: "ok" });
  return Response.json({ ok: false, database: "unavailable" }, { status: 503 });
}
