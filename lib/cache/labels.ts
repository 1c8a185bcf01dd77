import type { TStoryFacts } from "@/lib/stories/facts";

/**
 * Cache labels for the public site: what a cached page shows, by name (Next
 * calls them cache tags; "label" here keeps them apart from a story's tags).
 * Every cached public page is labelled with what it shows (site/pages/*); every
 * change that readers can see is an event written by the domain (lib/changes.ts)
 * with the labels it touches, which every process expires (lib/events/page-cache.ts),
 * so exactly those pages are rendered again.
 *
 * Two labels per story-list owner on purpose: `person:<id>` is the person (name,
 * bio, photo: shown on every story that credits them), `person-stories:<id>` is
 * the list of their stories (their page and feed). Publishing a story refreshes
 * the lists it is on, not every other story by the same people.
 */
export const LABEL = {
  /** The front page's selection (pins, order, recency). */
  front: "front",
  /** The site-wide feed. */
  feed: "feed",
  /** The sitemap files. */
  sitemaps: "sitemaps",
  /** /corrections. */
  corrections: "corrections",
  /** Section names and order (the masthead on every page). */
  sections: "sections",
  /** The stored weather forecasts. */
  weather: "weather",
  /** The breaking-news banner (on every reader page). */
  banner: "banner",
  /** Teasers everywhere: a person's name or an image's caption can change what every list shows. */
  listings: "listings",
} as const;

export const storyLabel = (id: string) => `story:${id}`;
export const storySlugLabel = (slug: string) => `story-slug:${slug}`;
export const sectionStoriesLabel = (id: string) => `section-stories:${id}`;
export const personLabel = (id: string) => `person:${id}`;
export const personSlugLabel = (slug: string) => `person-slug:${slug}`;
export const personStoriesLabel = (id: string) => `person-stories:${id}`;
export const mediaLabel = (id: string) => `media:${id}`;
export const tagStoriesLabel = (slug: string) => `tag-stories:${slug}`;

/** Every tag a change to this story can touch: its page (every URL it had), the lists it was or is on. */
export function storyChangeLabels(...states: (TStoryFacts | null)[]): string[] {
  const tags = new Set<string>([LABEL.front, LABEL.feed, LABEL.sitemaps, LABEL.corrections]);
  for (const s of states) {
    if (!s) continue;
    tags.add(storyLabel(s.id));
    s.slugs.forEach((slug) => tags.add(storySlugLabel(slug)));
    if (s.sectionId) tags.add(sectionStoriesLabel(s.sectionId));
    // By slug too: someone's first published story turns their page from a 404 into a page.
    s.people.forEach((p) => tags.add(personStoriesLabel(p.id)).add(personSlugLabel(p.slug)));
    s.tagSlugs.forEach((slug) => tags.add(tagStoriesLabel(slug)));
  }
  return [...tags];
}

/** A person's details changed: every page showing them, under every URL they had. */
export function personChangeLabels(id: string, slugs: string[]): string[] {
  return [personLabel(id), personStoriesLabel(id), ...slugs.map(personSlugLabel), LABEL.listings, LABEL.sitemaps];
}

/** An image's caption, credit, alt text or focal point changed. */
export function mediaChangeLabels(id: string): string[] {
  return [mediaLabel(id), LABEL.listings, LABEL.feed];
}

/** A correction, clarification or update on a story: the story (every URL shows it), /corrections, the feed's modified dates. */
export function storyNoteLabels(storyId: string): string[] {
  return [storyLabel(storyId), LABEL.corrections, LABEL.feed];
}
