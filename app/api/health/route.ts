import { db } from "@/lib/db";

// Health probe for the e2e web server and for operators' monitors: the process answers and
// its database does. Never cached.
export const dynamic = "force-dynamic";

export function GET() {
  try {
    db().$client.prepare("select 1").get();
    return Response.json({ ok: true, database: "ok" });
  } catch (error) {
    console.error("health: the database does not answer", error);
    return Response.json({ ok: false, database: "unavailable" }, { status: 503 });
  }
}
