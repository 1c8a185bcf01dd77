import type { TBanner } from "@/lib/banner/banner";

/** The desk's breaking-news line, above the masthead on every reader page: a plain link when it has one. */
export function BreakingBanner({ banner }: { banner: Pick<TBanner, "text" | "url"> }) {
  const line = (
    <>
      <span className="mr-2 rounded bg-paper px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide text-accent">Breaking</span>
      {banner.text}
    </>
  );
  return (
    <aside aria-label="Breaking news" className="bg-accent text-paper">
      <p className="mx-auto max-w-5xl px-4 py-2 text-center font-semibold">
        {banner.url ? (
          <a href={banner.url} className="underline decoration-paper/60 underline-offset-2 hover:decoration-paper">
            {line}
          </a>
        ) : (
          line
        )}
      </p>
    </aside>
  );
}
