import type { TRichDoc } from "@/lib/richtext/types";
import type { TStoryContent } from "./schemas";

/** A credit as a revision or a pending update keeps it: by reference to the person. */
export type TCreditSnapshot = { personId: string; role: string; location: string | null; override: string | null };

/** Everything a revision keeps: the editor's fields and the credits. */
export type TContent = Omit<TStoryContent, "body"> & { body: TRichDoc; credits: TCreditSnapshot[] };

type TStoryRow = Omit<TStoryContent, "tags"> & { tags?: string[] } & {
  credits: { personId?: string; person?: { id: string }; role: string; location: string | null; override: string | null }[];
};

/** The content in a story's columns and credit rows (for a published story: what readers see). */
export function liveContent(s: TStoryRow): TContent {
  return {
    headline: s.headline,
    dek: s.dek,
    dateline: s.dateline,
    slug: s.slug,
    sectionId: s.sectionId,
    leadMediaId: s.leadMediaId,
    leadCaption: s.leadCaption,
    tags: s.tags ?? [],
    body: s.body as TRichDoc,
    credits: s.credits.map((c) => ({ personId: c.personId ?? c.person!.id, role: c.role, location: c.location, override: c.override })),
  };
}

/** What the newsroom works on: a published story's pending update if it has one, else its columns. */
export function workingContent(s: TStoryRow & { pending: unknown }): TContent {
  const pending = s.pending as TContent | null;
  // Pending updates and revisions written before tags existed have none.
  return pending ? { ...pending, tags: pending.tags ?? [] } : liveContent(s);
}
