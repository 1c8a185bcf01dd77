import Link from "next/link";

/**
 * "← Newer · Page 2 of 5 · Older →" for lists sorted newest first. `href`
 * gives the address of a page, keeping the list's other filters.
 */
export function Pager({ page, pages, href, className = "mt-6" }: { page: number; pages: number; href: (page: number) => string; className?: string }) {
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
