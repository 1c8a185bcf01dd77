import type { TRichDoc } from "@/lib/richtext/types";
import type { TStoryContent } from "@/lib/stories/schemas";

/** The story editor's fields as the form holds them: text, with "" for nothing. */
export type TDraft = { headline: string; dek: string; dateline: string; slug: string; sectionId: string; leadMediaId: string; leadCaption: string; tags: string; body: TRichDoc };


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
