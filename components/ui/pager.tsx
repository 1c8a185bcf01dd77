type TLink = (props: { href: string; children: React.ReactNode }) => React.ReactNode;
const PlainLink: TLink = ({ href, children }) => <a href={href}>{children}</a>;

/**
 * "← Newer · Page 2 of 5 · Older →" for lists sorted newest first. `href`
 * gives the address of a page, keeping the list's other filters. Plain links
 * (the reader site has no client router); the newsroom passes Next's `Link`.
 */
export function Pager({
  page,
  pages,
  href,
  className = "mt-6",
  Link = PlainLink,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  className?: string;
  Link?: TLink;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className={`${className} flex gap-4 text-sm`}>
      {page > 1 && <Link href={href(page - 1)}>← Newer</Link>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && <Link href={href(page + 1)}>Older →</Link>}
    </nav>
  );
}

/** A list page's address: its filters (empty ones left out) and the page number. */
export function pageQuery(filters: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  params.set("page", String(page));
  return `?${params}`;
}

/** A cached public list's address: page 1 is the list itself, later pages `…/page/N` (a query string would make it uncacheable). */
export function pagePath(base: string, page: number): string {
  return page <= 1 ? base : `${base.replace(/\/$/, "")}/page/${page}`;
}

/** The N of `…/page/N`: a whole number from 2 up (page 1 has its own address), else null for a 404. */
export function pageParam(raw: string): number | null {
  if (!/^[1-9]\d{0,4}$/.test(raw)) return null;
  const page = Number(raw);
  return page >= 2 ? page : null;
}
