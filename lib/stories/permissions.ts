import type { TActor } from "@/lib/auth/actor";
import type { StoryStatus } from "@/lib/db/generated/enums";
import { canEditInState } from "./workflow";

type TStoryAccess = { createdById: string; status: StoryStatus };

// Who may *see* a story is one where-builder, visibleStoryWhere in ./access.ts.

/** Editors and admins edit any story that is not archived; contributors edit their own drafts. */
export function canEditStory(actor: TActor | null, story: TStoryAccess): boolean {
  return canEditInState(actor, story);
}
