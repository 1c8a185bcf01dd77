import { NextResponse, type NextRequest } from "next/server";
import { findCurrentSlug } from "@/lib/stories/queries";

/**
 * A published story keeps every URL it ever had: an old slug answers 301 with
 * its current URL. (A page can only send 307/308, so this lives here; it costs
 * one primary-key lookup per story request.)
 */
export async function proxy(request: NextRequest) {
  const slug = decodeURIComponent(request.nextUrl.pathname.slice("/stories/".length));
  const current = slug && !slug.includes("/") ? await findCurrentSlug(slug) : null;
  if (!current || current === slug) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/stories/${current}`;
  return NextResponse.redirect(url, 301);
}

export const config = { matcher: "/stories/:slug" };
