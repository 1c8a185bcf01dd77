/** Tiptap's JSON document shape, as stored in Story.body. */
export type TRichMark = { type: string; attrs?: Record<string, unknown> };
export type TRichNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TRichNode[];
  marks?: TRichMark[];
  text?: string;
};
export type TRichDoc = TRichNode & { type: "doc" };

export const EMPTY_DOC: TRichDoc = { type: "doc", content: [{ type: "paragraph" }] };
