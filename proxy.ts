import { NextResponse, type NextRequest } from "next/server";
import { findCurrentPersonSlug } from "@/lib/people/queries";
import { findCurrentSlug } from "@/lib/stories/queries";

/**
 * Stories and people keep every URL they ever had: an old slug answers 301 with
 * the current URL. (A page can only send 307/308, so this lives here; it costs
 * one primary-key lookup per /stories/* or /people/* request.)
 */
const LOOKUPS: Record<string, (slug: string) => Promise<string | null>> = {
  stories: findCurrentSlug,
  people: findCurrentPersonSlug,
};

export async function proxy(request: NextRequest) {
  const [, kind = "", raw = ""] = request.nextUrl.pathname.split("/");
  const lookup = LOOKUPS[kind];
  const slug = decodeURIComponent(raw);
  const current = lookup && slug ? await lookup(slug) : null;
  if (!current || current === slug) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/${kind}/${current}`;
  return NextResponse.redirect(url, 301);
}

export const config = { matcher: ["/stories/:slug", "/people/:slug"] };
