import "server-only";
import { SearchForm } from "@/components/site/search-form";
import { Pager, pageQuery } from "@/components/ui/pager";
import { formatDateTime } from "@/lib/site";
import { searchStories, splitHighlights } from "@/lib/stories/search";
import type { TPageResult } from "../page";

/** /search?q=…&page=N: rendered for each request, never kept (by us, a CDN or a browser), followed but not indexed. */
export async function searchPage(raw: string, requested: number): Promise<TPageResult> {
  const { query, hits, total, capped, page, pages } = await searchStories(raw, requested);
  return {
    kind: "page",
    cacheable: false,
    labels: [],
    head: { title: query ? `Search: ${query}` : "Search", noindex: true },
    content: (
      <section aria-labelledby="search-heading" className="mx-auto max-w-[42rem]">
        <h1 id="search-heading" className="font-serif text-4xl font-bold">
          Search
        </h1>
        <div className="mt-4">
          <SearchForm query={query} autoFocus={!query} />
          <p className="mt-2 text-sm text-ink/60">Use quotes for a phrase, a minus sign to leave a word out: &quot;city council&quot; -parking</p>
        </div>
        {query && (
          <p role="status" className="mt-6 text-sm text-ink/70">
            {matchLine(query, total, capped)}
          </p>
        )}
        <ol className="mt-2 divide-y divide-ink/10">
          {hits.map((hit) => (
            <li key={hit.id} className="py-5">
              {hit.section && <p className="text-xs font-semibold uppercase tracking-wide text-accent">{hit.section}</p>}
              <h2 className="font-serif text-xl font-bold leading-snug">
                <a href={`/stories/${hit.slug}`} className="hover:underline">
                  {hit.headline}
                </a>
              </h2>
              <p className="mt-1 text-ink/80">
                {splitHighlights(hit.snippet).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
              </p>
              {hit.publishedAt && (
                <p className="mt-1 text-sm text-ink/60">
                  <time dateTime={hit.publishedAt.toISOString()}>{formatDateTime(hit.publishedAt)}</time>
                </p>
              )}
            </li>
          ))}
        </ol>
        <Pager page={page} pages={pages} href={(p) => `/search${pageQuery({ q: query }, p)}`} />
      </section>
    ),
  };
}

function matchLine(query: string, total: number, capped: boolean) {
  if (total === 0) return `No stories match “${query}”.`;
  if (capped)
    return `More than ${total.toLocaleString("en")} stories match “${query}”; the best ${total.toLocaleString("en")} are listed. Add a word to narrow the search.`;
  return `${total.toLocaleString("en")} ${total === 1 ? "story matches" : "stories match"} “${query}”.`;
}
