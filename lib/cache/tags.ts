import type { TStoryFacts } from "@/lib/stories/facts";

/**
 * Cache tags for the public site. Every cached public page is tagged with what
 * it shows (see `tagPage`); every change that readers can see names the tags it
 * touches (see `refreshPublicPages`), so exactly those pages are rendered again.
 *
 * Two tags per story list owner on purpose: `person:<id>` is the person (name,
 * bio, photo: shown on every story that credits them), `person-stories:<id>` is
 * the list of their stories (their page and feed). Publishing a story refreshes
 * the lists it is on, not every other story by the same people.
 */
export const TAG = {
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
  /** Teasers everywhere: a person's name or an image's caption can change what every list shows. */
  listings: "listings",
} as const;

export const storyTag = (id: string) => `story:${id}`;
export const storySlugTag = (slug: string) => `story-slug:${slug}`;
export const sectionStoriesTag = (id: string) => `section-stories:${id}`;
export const personTag = (id: string) => `person:${id}`;
export const personSlugTag = (slug: string) => `person-slug:${slug}`;
export const personStoriesTag = (id: string) => `person-stories:${id}`;
export const mediaTag = (id: string) => `media:${id}`;
export const tagStoriesTag = (slug: string) => `tag-stories:${slug}`;


/** Every tag a change to this story can touch: its page (every URL it had), the lists it was or is on. */
export function storyChangeTags(...states: (TStoryFacts | null)[]): string[] {
  const tags = new Set<string>([TAG.front, TAG.feed, TAG.sitemaps, TAG.corrections]);
  for (const s of states) {
    if (!s) continue;
    tags.add(storyTag(s.id));
    s.slugs.forEach((slug) => tags.add(storySlugTag(slug)));
    if (s.sectionId) tags.add(sectionStoriesTag(s.sectionId));
    // By slug too: someone's first published story turns their page from a 404 into a page.
    s.people.forEach((p) => tags.add(personStoriesTag(p.id)).add(personSlugTag(p.slug)));
    s.tagSlugs.forEach((slug) => tags.add(tagStoriesTag(slug)));
  }
  return [...tags];
}

/** A person's details changed: every page showing them, under every URL they had. */
export function personChangeTags(id: string, slugs: string[]): string[] {
  return [personTag(id), personStoriesTag(id), ...slugs.map(personSlugTag), TAG.listings, TAG.sitemaps];
}

/** An image's caption, credit, alt text or focal point changed. */
export function mediaChangeTags(id: string): string[] {
  return [mediaTag(id), TAG.listings, TAG.feed];
}

/** A correction, clarification or update on a story: the story (every URL shows it), /corrections, the feed's modified dates. */
export function storyNoteTags(storyId: string): string[] {
  return [storyTag(storyId), TAG.corrections, TAG.feed];
}
