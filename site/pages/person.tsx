import "server-only";
import { StoryTeaser } from "@/components/site/story-teaser";
import { Pager, pagePath } from "@/components/ui/pager";
import { LABEL, personLabel, personSlugLabel, personStoriesLabel } from "@/lib/cache/labels";
import { bioSentence } from "@/lib/credits/format";
import type { TDisplayMedia } from "@/lib/media/display";
import { pictureSources } from "@/lib/media/variants";
import { findCurrentPersonSlug, getPublicPerson } from "@/lib/people/queries";
import { safeHref } from "@/lib/richtext/href";
import type { TPageResult } from "../page";

/**
 * /people/<slug> and …/page/N: portrait, title, bio, links and their stories, newest
 * first. An old slug (a rename, a merge) answers 301 with the current address.
 * Labelled with the person and their list (a 404 under the slug, until someone has it).
 */
export async function personPage(slug: string, page: number): Promise<TPageResult> {
  const person = await getPublicPerson(slug, page);
  if (!person) {
    const current = await findCurrentPersonSlug(slug);
    if (current && current !== slug)
      return { kind: "redirect", location: pagePath(`/people/${encodeURIComponent(current)}`, page), labels: [personSlugLabel(slug)] };
  }
  if (!person || !(page === 1 || page <= person.pages)) return { kind: "notFound", labels: [personSlugLabel(slug), LABEL.listings] };
  const base = `/people/${person.slug}`;
  return {
    kind: "page",
    labels: [personSlugLabel(slug), LABEL.listings, personLabel(person.id), personStoriesLabel(person.id)],
    head: {
      title: page > 1 ? `${person.name} — page ${page}` : person.name,
      description: bioSentence(person.name, person.shortBio) || person.title || undefined,
      path: pagePath(base, page),
      feed: { path: `${base}/feed.xml`, title: person.name },
    },
    content: (
      <article className="mx-auto max-w-[42rem]">
        <header className="flex items-center gap-5">
          {person.photo && <Portrait photo={person.photo} name={person.name} />}
          <div>
            <h1 className="font-serif text-4xl font-bold">{person.name}</h1>
            {(person.title || person.affiliation) && (
              <p className="mt-2 text-lg text-ink/80">{[person.title, person.affiliation].filter(Boolean).join(", ")}</p>
            )}
          </div>
        </header>
        {person.longBio
          ? person.longBio.split(/\n{2,}/).map((para) => (
              <p key={para} className="mt-4 font-serif text-lg leading-relaxed">
                {para}
              </p>
            ))
          : person.shortBio && <p className="mt-4 font-serif text-lg">{bioSentence(person.name, person.shortBio)}</p>}
        {person.links.length > 0 && (
          <ul className="mt-4 flex flex-wrap gap-4 text-sm">
            {person.links.map((l) => {
              const href = safeHref(l.url);
              return href ? (
                <li key={href}>
                  <a href={href} rel="me noopener noreferrer" className="underline">
                    {l.label}
                  </a>
                </li>
              ) : null;
            })}
          </ul>
        )}
        <section aria-labelledby="stories-by" className="mt-10">
          <h2 id="stories-by" className="font-serif text-2xl font-semibold">
            Stories
          </h2>
          {person.stories.length === 0 ? (
            <p className="mt-3 text-ink/70">No published stories yet.</p>
          ) : (
            <ol className="mt-3 divide-y divide-ink/10">
              {person.stories.map((s) => (
                <li key={s.id} className="py-4">
                  <StoryTeaser story={s} headingLevel={3} />
                </li>
              ))}
            </ol>
          )}
          <Pager className="mt-4" page={page} pages={person.pages} href={(p) => pagePath(base, p)} />
        </section>
      </article>
    ),
  };
}

/** A round portrait from the square crop around the photo's focal point. */
function Portrait({ photo, name }: { photo: TDisplayMedia; name: string }) {
  const p = pictureSources(photo, "1x1", 320);
  return (
    <picture>
      {p.sources.map((s) => (
        <source key={s.type} type={s.type} srcSet={s.srcSet} sizes="8rem" />
      ))}
      <img
        src={p.src}
        srcSet={p.srcSet}
        sizes="8rem"
        width={128}
        height={128}
        alt={photo.alt || `Portrait of ${name}`}
        className="size-32 rounded-full bg-ink/5 object-cover"
      />
    </picture>
  );
}
