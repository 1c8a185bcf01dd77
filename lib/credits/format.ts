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

export type TLocatedName = { name: string; location?: string | null; affiliation?: string | null };

/** An organisation's name compared loosely: case, spacing, apostrophes and a leading "The" do not count. */
function sameOrganisation(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().replace(/^the /, "");
  return norm(a) !== "" && norm(a) === norm(b);
}

/**
 * The possessive of an organisation, AP style: "The Washington Post's", and
 * for a singular name ending in s only the apostrophe: "Reuters'", "The New
 * York Times'". The straight apostrophe, as the rest of the credit line.
 */
export function possessive(organisation: string): string {
  const name = organisation.trim();
  if (/['’]s?$/i.test(name)) return name; // already possessive ("Reuters'", "Macy's")
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/**
 * A person as a credit line names them: "The Washington Post's Amber Ziye
 * Wang". The affiliation is left out when it is this publication's own
 * (`ownName`, the site's name): our staff are just their names.
 */
export function creditedName({ name, affiliation }: Pick<TLocatedName, "name" | "affiliation">, ownName: string): string {
  const org = affiliation?.trim();
  return org && !sameOrganisation(org, ownName) ? `${possessive(org)} ${name.trim()}` : name.trim();
}

/** "The Washington Post's Jane Roe in Beijing", or without the place when none is given. */
function located(person: TLocatedName, ownName: string): string {
  const place = person.location?.trim().replace(/^in\s+/i, "");
  const named = creditedName(person, ownName);
  return place ? `${named} in ${place}` : named;
}

/**
 * "The Washington Post's Amber Ziye Wang in Beijing contributed to this report." /
 * "A in Seoul and B contributed to this report." `ownName` is the publication's
 * name (lib/site.ts SITE_NAME): affiliations other than it are named.
 */
export function contributorLine(people: readonly TLocatedName[], ownName: string): string {
  const joined = joinNames(people.map((p) => located(p, ownName)));
  return joined ? `${joined} contributed to this report.` : "";
}

/** "Photographs by A and B." / "Graphics by A." */
export function visualsLine(kind: "Photographs" | "Graphics", names: readonly string[]): string {
  const joined = joinNames(names);
  return joined ? `${kind} by ${joined}.` : "";
}

/** "Additional reporting by A in Seoul and B." */
export function additionalReportingLine(people: readonly TLocatedName[], ownName: string): string {
  const joined = joinNames(people.map((p) => located(p, ownName)));
  return joined ? `Additional reporting by ${joined}.` : "";
}

/** Words that make a bio a clause of its own ("she covers courts"), rather than a description of someone. */
const SUBJECTS = new Set(["he", "she", "they", "we"]);
const VERBS = new Set(
  "is was are were has have had can will covers covered writes wrote reports reported edits edited leads led joined works worked lives lived serves served became spent teaches taught focuses specializes specialises contributes contributed runs ran oversees directs manages photographs photographed".split(
    " ",
  ),
);
/** Words ending in s or ed that describe rather than act: "news editor", "sports reporter". */
const NOT_VERBS = new Set("news sports politics economics business series species physics bus gas boss press chess campus census".split(" "));

const looksLikeVerb = (word: string) => VERBS.has(word) || (/^[a-z]{3,}(?:s|ed)$/.test(word) && !NOT_VERBS.has(word) && !/(?:ss|us|is)$/.test(word));

/**
 * A one-line bio as a sentence about its person, at the end of a story and on
 * their page. Stored bios are usually fragments:
 *   "is the bureau chief in Beijing"        → "John Doe is the bureau chief in Beijing."
 *   "covers city hall"                      → "Jane Roe covers city hall."
 *   "The Post's bureau chief in Beijing"    → "Simon Denyer is The Post's bureau chief in Beijing."
 *   "a freelance journalist"                → "Tom Berg is a freelance journalist."
 * A bio that already begins with the name, or is a clause of its own (a subject
 * pronoun or a verb in it: "Previously at the Times, she covers courts"), keeps
 * its words. Only a full stop is added where none ends it.
 */
export function bioSentence(name: string, bio: string | null | undefined): string {
  const text = bio?.trim().replace(/\s+/g, " ");
  const who = name.trim();
  if (!text) return "";
  const words = text.toLowerCase().match(/[\p{L}'’]+/gu) ?? [];
  const first = text.match(/^[\p{L}'’]+/u)?.[0] ?? "";
  // "Reuters' correspondent", "The Post's…": a possessive starts a description, never a verb.
  const verbFirst = !/['’]s?$/.test(first) && (VERBS.has(first.toLowerCase()) || (/^[a-z]/.test(first) && looksLikeVerb(first)));
  let sentence: string;
  if (who && text.toLowerCase().startsWith(who.toLowerCase())) sentence = text;
  else if (verbFirst) sentence = `${who} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  else if (words.some((w) => SUBJECTS.has(w)) || (/^[A-Z]/.test(text) && words.some((w) => VERBS.has(w))))
    sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  else sentence = `${who} is ${text}`;
  return /[.!?…]["”’)]?$/.test(sentence) ? sentence : `${sentence}.`;
}
