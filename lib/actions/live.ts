"use server";

import { z } from "zod";
import { action, formAction, formText } from "@/lib/actions/define";
import { editLiveEntry, pinLiveEntry, postLiveEntry, publishLiveEntry, removeLiveEntry, setLiveCoverageEnded, startLiveCoverage } from "@/lib/live/mutations";

/** A live story's coverage, from the newsroom's live desk (/newsroom/stories/<id>/live). */

const LIVE_DESK = "/newsroom/stories";
const version = (data: FormData) => Number.parseInt(formText(data, "baseVersion"), 10) || 0;

export const startLiveAction = formAction("Starting live coverage", LIVE_DESK, async (data, actor) => {
  await startLiveCoverage({ actor, storyId: formText(data, "storyId") });
  return "This is a live story now: entries posted here appear on its page as they go up.";
});

export const endLiveAction = formAction("Ending live coverage", LIVE_DESK, async (data, actor) => {
  await setLiveCoverageEnded({ actor, storyId: formText(data, "storyId"), ended: true });
  return "Ended. Readers see “This live coverage has ended”.";
});

export const reopenLiveAction = formAction("Reopening live coverage", LIVE_DESK, async (data, actor) => {
  await setLiveCoverageEnded({ actor, storyId: formText(data, "storyId"), ended: false });
  return "Reopened: the story is live again.";
});

export const pinEntryAction = formAction("Pinning an entry", LIVE_DESK, async (data, actor) => {
  const entryId = formText(data, "entryId") || null;
  await pinLiveEntry({ actor, storyId: formText(data, "storyId"), entryId });
  return entryId ? "Pinned above the newest entries." : "Unpinned.";
});

export const removeEntryAction = formAction("Removing an entry", LIVE_DESK, async (data, actor) => {
  await removeLiveEntry({ actor, entryId: formText(data, "entryId"), baseVersion: version(data) });
  return "Removed from the page; it stays in the history.";
});

export const publishEntryAction = formAction("Publishing an entry", LIVE_DESK, async (data, actor) => {
  await publishLiveEntry({ actor, entryId: formText(data, "entryId"), baseVersion: version(data) });
  return "Published: readers see it now.";
});

const ZEntryFields = z.object({
  headline: z.string().max(10_000).optional(),
  body: z.unknown(),
  authorId: z.string().max(64).nullable().optional(),
  keyEvent: z.boolean().optional(),
});

export const postEntryAction = action(ZEntryFields.extend({ storyId: z.string().min(1).max(64) }), ({ storyId, ...data }, actor) =>
  postLiveEntry({ actor, storyId, data }),
);

export const editEntryAction = action(
  ZEntryFields.extend({ entryId: z.string().min(1).max(64), baseVersion: z.number().int(), correction: z.string().max(10_000).nullable().optional() }),
  ({ entryId, baseVersion, ...data }, actor) => editLiveEntry({ actor, entryId, baseVersion, data }),
);
