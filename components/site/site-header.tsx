import { SITE_NAME } from "@/lib/site";

/** The masthead and the sections. */
export function SiteHeader({ sections }: { sections: { name: string; slug: string }[] }) {
  return (
    <header className="border-b-4 border-double border-ink">
      <div className="mx-auto max-w-5xl px-4 pt-6 text-center">
        <a href="/" className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">
          {SITE_NAME}
        </a>
      </div>
      <nav aria-label="Sections" className="mx-auto max-w-5xl px-4 py-3">
        <ul className="flex flex-wrap justify-center gap-x-5 gap-y-1 text-sm font-semibold">
          {sections.map((s) => (
            <li key={s.slug}>
              <a href={`/sections/${s.slug}`} className="hover:underline">
                {s.name}
              </a>
            </li>
          ))}
          <li>
            <a href="/search" className="hover:underline">
              Search
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
