/**
 * Credits in natural English, as readers see them (issue: credits and people).
 * Pure functions: the story page, the editor's live preview and feeds share them.
 */

/** Items with the separators of a list in English between them: [a, ", ", b, " and ", c]. */
export function interleave<T>(items: readonly T[]): (T | string)[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [i === items.length - 1 ? " and " : ", ", item]));
}

/** "A", "A and B", "A, B and C" — the newsroom's style has no serial comma. */
export function joinNames(names: readonly string[]): string {
  return interleave(names.map((n) => n.trim()).filter(Boolean)).join("");
}

/** "By A, B and C", or "" when nobody has a byline. */
export function bylineText(names: readonly string[]): string {
  const joined = joinNames(names);
  return joined ? `By ${joined}` : "";
}

export type TLocatedName = { name: string; location?: string | null };

/** "Jane Roe in Beijing", or just the name when no location is given. */
function located({ name, location }: TLocatedName): string {
  const place = location?.trim().replace(/^in\s+/i, "");
  return place ? `${name.trim()} in ${place}` : name.trim();
}

/** "Jane Roe in Beijing contributed to this report." / "A in Seoul and B contributed to this report." */
export function contributorLine(people: readonly TLocatedName[]): string {
  const joined = joinNames(people.map(located));
  return joined ? `${joined} contributed to this report.` : "";
}

/** "Photographs by A and B." / "Graphics by A." */
export function visualsLine(kind: "Photographs" | "Graphics", names: readonly string[]): string {
  const joined = joinNames(names);
  return joined ? `${kind} by ${joined}.` : "";
}

/** "Additional reporting by A in Seoul and B." */
export function additionalReportingLine(people: readonly TLocatedName[]): string {
  const joined = joinNames(people.map(located));
  return joined ? `Additional reporting by ${joined}.` : "";
}

/**
 * A one-line bio as a sentence at the end of a story: "is the bureau chief in
 * Beijing" becomes "John Doe is the bureau chief in Beijing." A bio that already
 * names its person, or is a full sentence of its own, keeps its words.
 */
export function bioSentence(name: string, bio: string | null | undefined): string {
  const text = bio?.trim().replace(/\s+/g, " ");
  if (!text) return "";
  const sentence = text.toLowerCase().startsWith(name.trim().toLowerCase()) || /^[A-Z]/.test(text) ? text : `${name.trim()} ${text}`;
  return /[.!?…]["”’)]?$/.test(sentence) ? sentence : `${sentence}.`;
}
