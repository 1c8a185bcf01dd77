import { SITE_NAME } from "@/lib/site";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/errors";

/** A small, self-contained page for a 503 while the database is down (no scripts, nothing that needs the database). */
export function unavailablePage(what: string): Response {
  return new Response(unavailableHtml(what), {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}

/** The page's HTML, for servers that send it themselves (site/serve.tsx). */
export function unavailableHtml(what: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${what} is unavailable for a moment · ${escapeHtml(SITE_NAME)}</title>
<style>body{font-family:Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}a{color:inherit}</style></head>
<body><main id="main"><h1>${what} is unavailable for a moment</h1>
<p>We can't reach our database right now, so ${what.toLowerCase()} can't answer. Stories you have open still work. Please try again in a minute.</p>
<p><a href="/">Go to the front page</a></p></main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
