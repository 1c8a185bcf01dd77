// GET /api/health — liveness, database reachability and how far this process has applied the events, for the launcher and monitors
import { prisma } from "@/lib/db/client";
import { eventStreamState } from "@/lib/events/stream";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", events: eventStreamState() }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    console.error("Health check: database unreachable", err);
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
