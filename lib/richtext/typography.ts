/**
 * The house style's typography: wire copy's straight quotes and "--" become
 * curly quotes and dashes. Pure functions, shared by the editor's typing rule
 * and its paste step (lib/richtext/house-style.ts); unit-tested.
 *
 *   "  → “ after a space, an opening bracket or dash, or at the start; else ”
 *   '  → ’ after a letter, digit or closing punctuation (apostrophes: don't,
 *        Reuters'), and before a digit ('90s); else ‘
 *   -- → — (an em dash; "---" too; the spaces around it are kept)
 *
 * URLs are left as they are ("https://example.com/a--b", "www.x.org/it's"),
 * and so is code: text in backticks, and what callers pass as protected
 * (code-marked text).
 */

/** Where a URL starts in text: a scheme (https://, mailto:), or www. */
const URL_PATTERN = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bmailto:|\bwww\.)[^\s<>"“”]*/gi;

/** A quote after one of these opens. */
const OPENS_AFTER = /[\s([{<\u2014\u2013\u2018\u201C-]/;

/** The curly quote for a straight one, from the character before it (and after it, where known). */
export function curlyQuote(quote: '"' | "'", before: string, after = ""): string {
  const opening = before === "" || OPENS_AFTER.test(before);
  if (quote === '"') return opening ? "\u201C" : "\u201D";
  if (!opening) return "\u2019";
  return /\p{N}/u.test(after) ? "\u2019" : "\u2018"; // '90s
}

/** `code` in backticks, as pasted before the editor's paste rule makes it a code mark. */
const BACKTICK_CODE = /`[^`\n]+`/g;

/** For each position of `text`: true inside a URL or backticked code, where nothing changes. */
function urlMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  for (const pattern of [URL_PATTERN, BACKTICK_CODE]) {
    for (const m of text.matchAll(pattern)) for (let i = m.index; i < m.index + m[0].length; i++) mask[i] = true;
  }
  return mask;
}

export type TTextRun = { text: string; protected?: boolean };

/**
 * One block's text, as runs (one per text node), in house style. Runs marked
 * `protected` (code) are returned untouched but still give context: a quote
 * right after code closes. Quotes and dashes inside URLs stay straight.
 * The result has one string per run, in order.
 */
export function smartenRuns(runs: readonly TTextRun[]): string[] {
  const whole = runs.map((r) => r.text).join("");
  const inUrl = urlMask(whole);
  const out: string[] = [];
  let at = 0;
  for (const run of runs) {
    const start = at;
    at += run.text.length;
    if (run.protected) {
      out.push(run.text);
      continue;
    }
    let text = "";
    for (let i = start; i < at; i++) {
      const c = whole[i]!;
      if (inUrl[i]) text += c;
      else if (c === '"' || c === "'") text += curlyQuote(c, i > 0 ? whole[i - 1]! : "", whole[i + 1] ?? "");
      else if (c === "-" && whole[i + 1] === "-" && i + 1 < at && !inUrl[i + 1]) {
        text += "\u2014";
        while (whole[i + 1] === "-" && i + 1 < at) i++;
      } else text += c;
    }
    out.push(text);
  }
  return out;
}

/** A single run of text in house style (no code in it). */
export const smarten = (text: string): string => smartenRuns([{ text }])[0]!;

/**
 * What typing one more character should become, given the block's text
 * before the caret (`before`, already including the typed character at its
 * end): the characters to replace at the end and their replacement, or null
 * to leave the typing alone (inside a URL, or nothing to change).
 */
export function typedReplacement(before: string): { text: string; replaceWith: string } | null {
  const last = before.at(-1);
  const typedAfter = before.slice(0, -1);
  const word = typedAfter.slice(typedAfter.search(/\S*$/)); // what was typed since the last space
  // Inside a URL nothing changes, but a double quote (never part of a URL) still closes after one.
  if (last !== '"' && /(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|www\.)/i.test(word)) return null;
  if (last === '"' || last === "'") return { text: last, replaceWith: curlyQuote(last, typedAfter.at(-1) ?? "") };
  if (last === "-" && typedAfter.at(-1) === "-") return { text: "--", replaceWith: "\u2014" };
  return null;
}
