import { hasRole, type TActor } from "@/lib/auth/actor";
import type { StoryStatus } from "@/lib/db/generated/enums";
import { canEditInState } from "./workflow";

type TStoryAccess = { createdById: string; status: StoryStatus };

/** Editors and admins see every story in the newsroom; contributors see their own. */
export function canViewStory(actor: TActor | null, story: TStoryAccess): boolean {
  if (!actor) return false;
  return hasRole(actor, "EDITOR") || (actor.kind === "user" && actor.id === story.createdById);
}

/** Editors and admins edit any story that is not archived; contributors edit their own drafts. */
export function canEditStory(actor: TActor | null, story: TStoryAccess): boolean {
  return canEditInState(actor, story);
}

