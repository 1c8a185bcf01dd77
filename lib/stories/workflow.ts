import { hasRole, type TActor } from "@/lib/auth/actor";

/**
 * The editorial state machine: the one place that decides who may move a story
 * from which state to which. Domain functions call `checkTransition` before
 * writing; the editor asks `availableActions` what to offer. A refusal always
 * carries a sentence saying why.
 *
 *   DRAFT ──submit──▶ IN_REVIEW ──publish──▶ PUBLISHED ──unpublish──▶ UNPUBLISHED
 *     ▲  ◀─withdraw/return─┘  │                  ▲  │
 *     │                       └─schedule─▶ SCHEDULED (publishes itself at its time)
 *     └──────── unarchive ◀── ARCHIVED ◀── archive (drafts, submissions, unpublished)
 */
export const STATUSES = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED", "ARCHIVED"] as const;
export type TStatus = (typeof STATUSES)[number];

export const STATUS_LABEL: Record<TStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  UNPUBLISHED: "Unpublished",
  ARCHIVED: "Archived",
};

export const ACTIONS = [
  "submit",
  "withdraw",
  "return",
  "publish",
  "schedule",
  "unschedule",
  "unpublish",
  "scheduleUnpublish",
  "cancelUnpublish",
  "archive",
  "unarchive",
] as const;
export type TAction = (typeof ACTIONS)[number];

export type TWorkflowStory = {
  status: TStatus;
  createdById: string;
  embargoUntil: Date | null;
  unpublishAt?: Date | null;
};

export type TVerdict = { ok: true; to: TStatus } | { ok: false; reason: string };

/** What the action needs besides the story: the time it is for (schedule), a note (return). */
export type TActionInput = { now: Date; at?: Date | null; note?: string | null };

const isOwner = (actor: TActor, story: TWorkflowStory) => actor.kind === "user" && actor.id === story.createdById;
const refuse = (reason: string): TVerdict => ({ ok: false, reason });
const LABEL: Record<TStatus, string> = {
  DRAFT: "a draft",
  IN_REVIEW: "in review",
  SCHEDULED: "scheduled",
  PUBLISHED: "published",
  UNPUBLISHED: "unpublished",
  ARCHIVED: "archived",
};

/** Which states each action starts from, and where it leads. */
const MOVES: Record<TAction, { from: readonly TStatus[]; to: (s: TWorkflowStory) => TStatus }> = {
  submit: { from: ["DRAFT"], to: () => "IN_REVIEW" },
  withdraw: { from: ["IN_REVIEW"], to: () => "DRAFT" },
  return: { from: ["IN_REVIEW", "SCHEDULED"], to: () => "DRAFT" },
  // Publishing a published story publishes its pending update.
  publish: { from: ["DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED", "PUBLISHED"], to: () => "PUBLISHED" },
  schedule: { from: ["DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED"], to: () => "SCHEDULED" },
  unschedule: { from: ["SCHEDULED"], to: () => "IN_REVIEW" },
  unpublish: { from: ["PUBLISHED"], to: () => "UNPUBLISHED" },
  scheduleUnpublish: { from: ["PUBLISHED"], to: () => "PUBLISHED" },
  cancelUnpublish: { from: ["PUBLISHED"], to: () => "PUBLISHED" },
  archive: { from: ["DRAFT", "IN_REVIEW", "UNPUBLISHED"], to: () => "ARCHIVED" },
  unarchive: { from: ["ARCHIVED"], to: () => "DRAFT" },
};

/** Actions a contributor may take on their own story; everything else is the desk's (editors and admins). */
const CONTRIBUTOR_ACTIONS: readonly TAction[] = ["submit", "withdraw"];

const WHY_NOT_FROM: Partial<Record<TAction, string>> = {
  submit: "Only a draft can be submitted to the desk.",
  withdraw: "Only a story in review can be withdrawn.",
  return: "Only a story in review or scheduled can be returned to its author.",
  publish: "An archived story cannot be published; unarchive it first.",
  schedule: "Only a story that is not live can be scheduled; to take a published story down later, schedule its unpublishing.",
  unschedule: "This story is not scheduled.",
  unpublish: "This story is not published.",
  scheduleUnpublish: "Only a published story can be scheduled to come down.",
  cancelUnpublish: "This story is not published.",
  archive: "Only drafts, submissions and unpublished stories can be archived; unpublish a published story first.",
  unarchive: "This story is not archived.",
};

/** May `actor` do `action` to `story` now? And if so, which state follows. */
export function checkTransition(actor: TActor | null, story: TWorkflowStory, action: TAction, input: TActionInput): TVerdict {
  if (!actor) return refuse("Sign in again to change this story.");
  const desk = hasRole(actor, "EDITOR");
  if (!desk) {
    if (!CONTRIBUTOR_ACTIONS.includes(action)) return refuse("Only editors and admins can do that. Submit the story to the desk.");
    if (!isOwner(actor, story)) return refuse("Only the story's author or an editor can do that.");
  }
  const move = MOVES[action];
  if (!move.from.includes(story.status)) return refuse(WHY_NOT_FROM[action] ?? `A story that is ${LABEL[story.status]} cannot do that.`);

  const embargoed = story.embargoUntil && story.embargoUntil > input.now ? story.embargoUntil : null;
  switch (action) {
    case "return":
      if (!input.note?.trim()) return refuse("Say what needs changing: returning a story needs a note for its author.");
      break;
    case "publish":
      if (embargoed)
        return refuse(`This story is under embargo until ${embargoed.toISOString()}; it cannot be published before then. Schedule it for that time instead.`);
      break;
    case "schedule":
    case "scheduleUnpublish": {
      if (!input.at || Number.isNaN(input.at.getTime())) return refuse("Choose a date and time.");
      if (input.at <= input.now) return refuse("Choose a time in the future.");
      if (action === "schedule" && embargoed && input.at < embargoed) {
        return refuse(`This story is under embargo until ${embargoed.toISOString()}; schedule it for that time or later.`);
      }
      break;
    }
    case "cancelUnpublish":
      if (!story.unpublishAt) return refuse("This story is not scheduled to come down.");
      break;
  }
  return { ok: true, to: move.to(story) };
}

/** The actions to offer in the editor: those the state machine would allow now (time-dependent checks aside). */
export function availableActions(actor: TActor | null, story: TWorkflowStory, now: Date): TAction[] {
  const probe: TActionInput = { now, at: new Date(Math.max(now.getTime(), story.embargoUntil?.getTime() ?? 0) + 3_600_000), note: "…" };
  return ACTIONS.filter((action) => checkTransition(actor, story, action, probe).ok);
}

/** Who may edit the story's words: contributors their own drafts; the desk anything not archived. */
export function canEditInState(actor: TActor | null, story: Pick<TWorkflowStory, "status" | "createdById">): boolean {
  if (!actor || story.status === "ARCHIVED") return false;
  if (hasRole(actor, "EDITOR")) return true;
  return isOwner(actor, story as TWorkflowStory) && story.status === "DRAFT";
}
