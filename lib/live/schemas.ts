import { z } from "zod";

/** What an entry of a live story is made of, as the newsroom sends it; the body is checked against the editor's schema on the server. */
export const ZLiveEntry = z.object({
  headline: z
    .string()
    .trim()
    .max(200, "A headline can be at most 200 characters.")
    .optional()
    .transform((s) => s || null),
  body: z.unknown(),
  authorId: z
    .string()
    .max(64)
    .optional()
    .nullable()
    .transform((s) => s || null),
  keyEvent: z.boolean().default(false),
});
export type TLiveEntryInput = z.input<typeof ZLiveEntry>;

/** An edit: the same fields, and the note readers see when the edit changes what the entry meant. */
export const ZLiveEntryEdit = ZLiveEntry.extend({
  correction: z
    .string()
    .trim()
    .max(500, "A correction note can be at most 500 characters.")
    .optional()
    .nullable()
    .transform((s) => s || null),
});
export type TLiveEntryEditInput = z.input<typeof ZLiveEntryEdit>;

/** Entries on the first page of a live story and each older page. */
export const LIVE_PAGE_SIZE = 50;
