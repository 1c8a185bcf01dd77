import type { TRichDoc, TRichNode } from "./types";

/** A paragraph a reader would not see: nothing in it, or only spaces and line breaks. */
export function isEmptyParagraph(node: TRichNode): boolean {
  return node.type === "paragraph" && (node.content ?? []).every((c) => c.type === "hardBreak" || (c.type === "text" && !c.text?.trim()));
}

/**
 * The body as readers get it: without the empty paragraphs a writer leaves
 * before and after the story (clicking into the body and pressing Enter before
 * pasting, or after the last line). The stored draft keeps them: the writer
 * may be about to type there. Empty paragraphs inside the story are the
 * writer's spacing and stay.
 */
export function trimEmptyParagraphs(doc: TRichDoc): TRichDoc {
  const top = doc.content ?? [];
  let start = 0;
  let end = top.length;
  while (start < end && isEmptyParagraph(top[start]!)) start++;
  while (end > start && isEmptyParagraph(top[end - 1]!)) end--;
  return start === 0 && end === top.length ? doc : { ...doc, content: top.slice(start, end) };
}
