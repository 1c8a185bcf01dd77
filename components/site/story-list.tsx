import { StoryTeaser, type TTeaser } from "./story-teaser";
import { Pager, pagePath } from "@/components/ui/pager";

/** A public list of stories (a section, a tag): heading, teasers newest first, pages at `<base>/page/N`. */
export function StoryList({
  heading,
  kicker,
  stories,
  page,
  pages,
  base,
  empty,
}: {
  heading: string;
  kicker?: string;
  stories: (TTeaser & { id: string })[];
  page: number;
  pages: number;
  base: string;
  empty: string;
}) {
  return (
    <section aria-labelledby="list-heading" className="mx-auto max-w-[42rem]">
      {kicker && <p className="text-sm font-semibold uppercase tracking-wide text-accent">{kicker}</p>}
      <h1 id="list-heading" className="font-serif text-4xl font-bold">
        {heading}
      </h1>
      {stories.length === 0 ? (
        <p className="mt-6 text-ink/70">{empty}</p>
      ) : (
        <ol className="mt-6 divide-y divide-ink/10">
          {stories.map((story) => (
            <li key={story.id} className="py-5">
              <StoryTeaser story={story} />
            </li>
          ))}
        </ol>
      )}
      <Pager page={page} pages={pages} href={(p) => pagePath(base, p)} />
    </section>
  );
}
