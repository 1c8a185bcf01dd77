import { slugify as transliterate } from "transliteration";

export const SLUG_MAX_LENGTH = 80;

/**
 * A URL slug from any text: readable ASCII from any language (accents folded,
 * other scripts transliterated), lowercase, words joined by hyphens.
 * "Ça va? Über 北京" → "ca-va-uber-bei-jing".
 */
export function slugify(text: string): string {
  const slug = transliterate(text, { lowercase: true, separator: "-", trim: true })
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  const cut = slug.slice(0, SLUG_MAX_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut.slice(0, SLUG_MAX_LENGTH)).replace(/-$/, "");
}

/** `base`, `base-2`, `base-3`, … */
export function slugCandidates(base: string, count = 50): string[] {
  return Array.from({ length: count }, (_, i) => (i === 0 ? base : `${base.slice(0, SLUG_MAX_LENGTH - 4)}-${i + 1}`));
}

/**
 * The first of `base`, `base-2`, … that is free. `takenAmong` answers which of
 * the candidates are taken (current and old slugs of other rows), in one query.
 */
export async function firstFreeSlug(base: string, takenAmong: (candidates: string[]) => Promise<Iterable<string>>): Promise<string | null> {
  const candidates = slugCandidates(base);
  const taken = new Set(await takenAmong(candidates));
  return candidates.find((c) => !taken.has(c)) ?? null;
}
