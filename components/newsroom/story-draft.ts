import type { TRichDoc } from "@/lib/richtext/types";
import type { TStoryMeta } from "@/lib/stories/editor-state";
import type { TStoryContent } from "@/lib/stories/schemas";
import type { TEditorCredit } from "./credits-panel";
import type { TCatalogItem } from "./media-catalog";

/** The story editor's fields as the form holds them: text, with "" for nothing. */
export type TDraft = {
  headline: string;
  dek: string;
  dateline: string;
  slug: string;
  sectionId: string;
  leadMediaId: string;
  leadCaption: string;
  tags: string;
  body: TRichDoc;
};

/** The story as the page hands it to the editor. */
export type TEditorStory = {
  id: string | null;
  version: number | null;
  meta: TStoryMeta;
  draft: TDraft;
  everPublished: boolean;
  credits: TEditorCredit[];
  /** The library images the story uses, to show in the editor. */
  media: TCatalogItem[];
};

/** A stored story (from the page, or the server's copy in a conflict) as editor fields. */
export function toDraft(s: TStoryContent): TDraft {
  return {
    headline: s.headline,
    dek: s.dek ?? "",
    dateline: s.dateline ?? "",
    slug: s.slug,
    sectionId: s.sectionId ?? "",
    leadMediaId: s.leadMediaId ?? "",
    leadCaption: s.leadCaption ?? "",
    tags: (s.tags ?? []).join(", "),
    body: s.body as TRichDoc,
  };
}

export const sameDraft = (a: TDraft, b: TDraft) => JSON.stringify(a) === JSON.stringify(b);
