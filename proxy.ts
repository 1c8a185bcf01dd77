import { NextResponse, type NextRequest } from "next/server";
import { rememberedSlug } from "@/lib/cache/slug-memo";
import { findCurrentPersonSlug } from "@/lib/people/queries";
import { findCurrentSlug } from "@/lib/stories/queries";

/**
 * Stories and people keep every URL they ever had: an old slug answers 301 with
 * the current URL. (A page can only send 307/308, so this lives here.) Answers
 * are remembered in memory (lib/cache/slug-memo.ts) until a public change, so
 * cached pages behind this are served without touching the database.
 */
const LOOKUPS: Record<string, (slug: string) => Promise<string | null>> = {
  stories: findCurrentSlug,
  people: findCurrentPersonSlug,
};

async function currentSlug(kind: string, slug: string): Promise<string | null> {
  const lookup = LOOKUPS[kind];
  return lookup ? rememberedSlug(`${kind}/${slug}`, () => lookup(slug)) : null;
}

export async function proxy(request: NextRequest) {
  const [, kind = "", raw = ""] = request.nextUrl.pathname.split("/");
  const slug = safeDecode(raw);
  const current = slug ? await currentSlug(kind, slug) : null;
  if (!current || current === slug) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/${kind}/${current}`;
  return NextResponse.redirect(url, 301);
}

function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null; // malformed escapes: not a slug of ours; the page answers 404
  }
}

export const config = { matcher: ["/stories/:slug", "/people/:slug"] };
