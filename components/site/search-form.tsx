/** The reader's search box (a plain GET form: works without JavaScript). */
export function SearchForm({ query = "", autoFocus = false }: { query?: string; autoFocus?: boolean }) {
  return (
    <form role="search" action="/search" method="get" className="flex gap-2">
      <label htmlFor="search-q" className="sr-only">
        Search stories
      </label>
      <input
        id="search-q"
        name="q"
        type="search"
        defaultValue={query}
        maxLength={200}
        autoFocus={autoFocus}
        placeholder="Search stories"
        className="w-full rounded border border-ink/30 bg-white px-3 py-2 text-base"
      />
      <button type="submit" className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
        Search
      </button>
    </form>
  );
}
