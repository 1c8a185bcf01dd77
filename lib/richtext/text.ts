import { trimEmptyParagraphs } from "./trim";
import type { TRichDoc, TRichNode } from "./types";

const BLOCKS = new Set(["paragraph", "heading", "blockquote", "listItem", "horizontalRule"]);

/** The words of a body as plain text, blocks separated by blank lines (none before or after: excerpts start with words). */
export function plainText(node: TRichNode | null | undefined): string {
  if (!node) return "";
  if (node.type === "doc") return blockText(trimEmptyParagraphs(node as TRichDoc)).trim();
  return blockText(node);
}

function blockText(node: TRichNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  const inner = (node.content ?? []).map(blockText).join(node.type === "doc" || node.type.endsWith("List") || node.type === "blockquote" ? "\n\n" : "");
  return BLOCKS.has(node.type) ? inner.trim() : inner;
}

/** Words as a reader counts them: runs of letters or digits, apostrophes and hyphens inside. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** A description for search results: the first sentence (or so), at most `max` characters. */
export function firstSentence(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const end = flat.search(/[.!?](\s|$)/);
  const sentence = end >= 0 ? flat.slice(0, end + 1) : flat;
  if (sentence.length <= max) return sentence;
  return sentence.slice(0, max - 1).replace(/\s+\S*$/, "") + "…";
}

/** The library images a body shows, in order, each once. */
export function mediaIdsIn(node: TRichNode | null | undefined, found: string[] = []): string[] {
  if (!node) return found;
  const id = node.type === "mediaImage" ? node.attrs?.mediaId : undefined;
  if (typeof id === "string" && !found.includes(id)) found.push(id);
  for (const child of node.content ?? []) mediaIdsIn(child, found);
  return found;
}
