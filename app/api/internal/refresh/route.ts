// POST /api/internal/refresh — expire cached public pages by tag, for this process's own background work
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { config } from "@/lib/config/config";
import { expireLabels, INTERNAL_TOKEN_HEADER, refreshPublicPages } from "@/lib/cache/refresh";

export const dynamic = "force-dynamic";

const ZBody = z.object({ tags: z.array(z.string().min(1).max(256)).max(1000), again: z.boolean().optional() });

function tokenMatches(given: string | null): boolean {
  const expected = config("NEWSROOM_INTERNAL_TOKEN");
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function POST(request: Request) {
  // Not a public API: without the process's own token it does not exist.
  if (!tokenMatches(request.headers.get(INTERNAL_TOKEN_HEADER))) return new Response("Not found.", { status: 404 });
  const parsed = ZBody.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "Expected { tags: string[], again?: boolean }." }, { status: 400 });
  // A change from background work gets the full refresh (with its settling passes); a settling pass only expires.
  if (parsed.data.again) expireLabels(parsed.data.tags);
  else refreshPublicPages(parsed.data.tags);
  return new Response(null, { status: 204 });
}
