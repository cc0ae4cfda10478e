// Liveness probe for the e2e web server and for operators' monitors. Never cached.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
