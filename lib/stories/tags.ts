import { slugify } from "./slug";

/** At most this many tags on a story, each at most this long. */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 40;

/** A tag's address: /tags/<slug>. "Trade talks" → "trade-talks". */
export const tagSlug = (name: string) => slugify(name);

/**
 * Tags as the editor types them ("Border, trade talks, Border") or as a list:
 * trimmed, inner spaces collapsed, empty ones and repeats (same address) dropped,
 * first spelling kept, in the order given.
 */
export function normalizeTags(input: string | string[] | null | undefined): string[] {
  const raw = typeof input === "string" ? input.split(",") : (input ?? []);
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const piece of raw) {
    const name = piece.replace(/\s+/g, " ").trim();
    const slug = tagSlug(name);
    if (!name || seen.has(slug || name)) continue;
    seen.add(slug || name);
    tags.push(name);
  }
  return tags;
}

/** Why these tags cannot be saved, in a sentence, or null. */
export function tagsProblem(tags: string[]): string | null {
  if (tags.length > MAX_TAGS) return `A story can have at most ${MAX_TAGS} tags; this one has ${tags.length}.`;
  const long = tags.find((t) => t.length > MAX_TAG_LENGTH);
  if (long) return `The tag “${long.slice(0, 50)}…” is too long: at most ${MAX_TAG_LENGTH} characters.`;
  const unaddressable = tags.find((t) => !tagSlug(t));
  if (unaddressable) return `The tag “${unaddressable}” has no letters or digits to make an address from.`;
  return null;
}
