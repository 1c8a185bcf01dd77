import { getSchema } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { AppError } from "@/lib/errors";
import { richTextExtensions } from "./extensions";
import { safeHref } from "./href";
import type { TRichDoc, TRichMark, TRichNode } from "./types";

/** The editor's schema, built from the same extension list the editor uses. */
export const richTextSchema = getSchema(richTextExtensions);

type TAttrRule = (value: unknown) => unknown;
const keep: TAttrRule = (v) => v;

/**
 * What may be stored: each node and mark type with the attributes it may carry
 * and how each is checked. Anything else in an attribute is dropped.
 */
const NODE_ATTRS: Record<string, Record<string, TAttrRule>> = {
  doc: {},
  paragraph: {},
  text: {},
  heading: { level: (v) => (v === 2 || v === 3 ? v : 2) },
  blockquote: {},
  bulletList: {},
  orderedList: { start: (v) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 100_000 ? v : 1) },
  listItem: {},
  horizontalRule: {},
  hardBreak: {},
  // A library image, by reference: its caption and credit live in the library.
  mediaImage: { mediaId: (v) => (typeof v === "string" && /^[a-z0-9]{1,64}$/i.test(v) ? v : undefined) },
};
const MARK_ATTRS: Record<string, Record<string, TAttrRule>> = {
  bold: {},
  italic: {},
  code: {},
  link: { href: keep },
};

const LIMITS = { nodes: 20_000, characters: 300_000, depth: 24 };

function invalid(message: string): AppError {
  return new AppError("INVALID_INPUT", message, { body: [message] });
}

function cleanAttrs(attrs: unknown, rules: Record<string, TAttrRule>): Record<string, unknown> | undefined {
  if (!attrs || typeof attrs !== "object") return undefined;
  const out: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const value = rule((attrs as Record<string, unknown>)[name]);
    if (value !== undefined && value !== null) out[name] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Marks as stored: unknown marks refused, links kept only with a safe href (their text stays). */
function cleanMarks(marks: unknown): TRichMark[] | undefined {
  if (marks === undefined) return undefined;
  if (!Array.isArray(marks)) throw invalid("The body is malformed: marks must be a list.");
  const out: TRichMark[] = [];
  for (const mark of marks) {
    const type = (mark as TRichMark)?.type;
    if (typeof type !== "string" || !(type in MARK_ATTRS)) throw invalid(`The body uses formatting the editor does not support: "${String(type)}".`);
    if (type === "link") {
      const href = safeHref((mark as TRichMark).attrs?.href);
      if (href) out.push({ type, attrs: { href } });
      continue;
    }
    out.push({ type });
  }
  return out.length ? out : undefined;
}

/**
 * Check a body received from anywhere (the editor, or a request crafted by hand)
 * and return the version to store: unknown node types and marks refused with a
 * clear error, unknown attributes dropped, unsafe links unlinked, and the
 * structure checked against the editor's schema.
 */
export function validateRichText(input: unknown): TRichDoc {
  let nodes = 0;
  let characters = 0;
  const clean = (node: unknown, depth: number): TRichNode => {
    if (!node || typeof node !== "object" || Array.isArray(node)) throw invalid("The body is malformed: expected an element.");
    if (++nodes > LIMITS.nodes || depth > LIMITS.depth) throw invalid("The body is too large or too deeply nested.");
    const { type, attrs, content, marks, text } = node as TRichNode;
    if (typeof type !== "string" || !(type in NODE_ATTRS)) throw invalid(`The body contains an element the editor does not support: "${String(type)}".`);
    const out: TRichNode = { type };
    const cleanedAttrs = cleanAttrs(attrs, NODE_ATTRS[type]!);
    if (cleanedAttrs) out.attrs = cleanedAttrs;
    if (type === "mediaImage" && !cleanedAttrs?.mediaId) throw invalid("An image in the body does not refer to an image in the library.");
    if (type === "text") {
      if (typeof text !== "string" || text.length === 0) throw invalid("The body is malformed: empty text.");
      characters += text.length;
      if (characters > LIMITS.characters) throw invalid(`The body is longer than ${LIMITS.characters.toLocaleString("en")} characters.`);
      out.text = text;
      const cleanedMarks = cleanMarks(marks);
      if (cleanedMarks) out.marks = cleanedMarks;
    } else if (marks !== undefined && !(Array.isArray(marks) && marks.length === 0)) {
      throw invalid(`The body is malformed: "${type}" cannot carry formatting.`);
    }
    if (content !== undefined) {
      if (!Array.isArray(content)) throw invalid("The body is malformed: content must be a list.");
      out.content = content.map((child) => clean(child, depth + 1));
    }
    return out;
  };

  const doc = clean(input, 0);
  if (doc.type !== "doc") throw invalid("The body must be a document.");
  try {
    PMNode.fromJSON(richTextSchema, doc).check();
  } catch (err) {
    throw invalid(`The body's structure is not valid: ${(err as Error).message}`);
  }
  return doc as TRichDoc;
}
