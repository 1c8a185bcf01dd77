import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { ACTIONS, availableActions, canEditInState, checkTransition, STATUSES, type TAction, type TStatus, type TWorkflowStory } from "./workflow";

const now = new Date("2026-11-30T10:00:00Z");
const later = new Date("2026-11-30T12:00:00Z");
const author: TActor = { kind: "user", id: "author", role: "CONTRIBUTOR", name: "A", email: "a@x" };
const otherContributor: TActor = { kind: "user", id: "other", role: "CONTRIBUTOR", name: "O", email: "o@x" };
const editor: TActor = { kind: "user", id: "ed", role: "EDITOR", name: "E", email: "e@x" };
const admin: TActor = { kind: "user", id: "ad", role: "ADMIN", name: "D", email: "d@x" };
const story = (status: TStatus, extra: Partial<TWorkflowStory> = {}): TWorkflowStory => ({
  status,
  createdById: "author",
  embargoUntil: null,
  unpublishAt: null,
  ...extra,
});
const input = { now, at: later, note: "Tighten the lede." };

/** Every transition the desk (editors and admins) may make: action → states it starts from → where it leads. */
const DESK: Record<TAction, Partial<Record<TStatus, TStatus>>> = {
  submit: { DRAFT: "IN_REVIEW" },
  withdraw: { IN_REVIEW: "DRAFT" },
  return: { IN_REVIEW: "DRAFT", SCHEDULED: "DRAFT" },
  publish: { DRAFT: "PUBLISHED", IN_REVIEW: "PUBLISHED", SCHEDULED: "PUBLISHED", UNPUBLISHED: "PUBLISHED", PUBLISHED: "PUBLISHED" },
  schedule: { DRAFT: "SCHEDULED", IN_REVIEW: "SCHEDULED", SCHEDULED: "SCHEDULED", UNPUBLISHED: "SCHEDULED" },
  unschedule: { SCHEDULED: "IN_REVIEW" },
  unpublish: { PUBLISHED: "UNPUBLISHED" },
  scheduleUnpublish: { PUBLISHED: "PUBLISHED" },
  cancelUnpublish: {},
  archive: { DRAFT: "ARCHIVED", IN_REVIEW: "ARCHIVED", UNPUBLISHED: "ARCHIVED" },
  unarchive: { ARCHIVED: "DRAFT" },
};
/** What a contributor may do to their own story. */
const OWN: Partial<Record<TAction, Partial<Record<TStatus, TStatus>>>> = { submit: { DRAFT: "IN_REVIEW" }, withdraw: { IN_REVIEW: "DRAFT" } };

describe("the state machine", () => {
  for (const [who, actor, table] of [
    ["an editor", editor, DESK],
    ["an admin", admin, DESK],
    ["the author (a contributor)", author, OWN],
    ["another contributor", otherContributor, {}],
  ] as const) {
    describe(who, () => {
      for (const action of ACTIONS) {
        for (const status of STATUSES) {
          const expected = (table as Partial<Record<TAction, Partial<Record<TStatus, TStatus>>>>)[action]?.[status];
          it(`${expected ? "may" : "may not"} ${action} a story that is ${status}`, () => {
            const verdict = checkTransition(actor, story(status), action, input);
            if (expected) expect(verdict).toEqual({ ok: true, to: expected });
            else expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/\w+.*\./) });
          });
        }
      }
    });
  }

  it("refuses everyone signed out", () => {
    expect(checkTransition(null, story("DRAFT"), "submit", input)).toMatchObject({ ok: false });
  });

  it("cancels a scheduled unpublish only when one is set", () => {
    expect(checkTransition(editor, story("PUBLISHED", { unpublishAt: later }), "cancelUnpublish", input)).toEqual({ ok: true, to: "PUBLISHED" });
    expect(checkTransition(editor, story("PUBLISHED"), "cancelUnpublish", input)).toMatchObject({ ok: false, reason: /not scheduled to come down/ });
  });

  it("needs a note to return a story, and a future time to schedule", () => {
    expect(checkTransition(editor, story("IN_REVIEW"), "return", { now, note: "  " })).toMatchObject({ ok: false, reason: /needs a note/ });
    expect(checkTransition(editor, story("DRAFT"), "schedule", { now, at: null })).toMatchObject({ ok: false, reason: /Choose a date/ });
    expect(checkTransition(editor, story("DRAFT"), "schedule", { now, at: new Date(now.getTime() - 1000) })).toMatchObject({ ok: false, reason: /future/ });
    expect(checkTransition(editor, story("PUBLISHED"), "scheduleUnpublish", { now, at: now })).toMatchObject({ ok: false, reason: /future/ });
  });

  it("keeps an embargoed story from being published by anyone, or scheduled before its embargo", () => {
    const embargoed = story("IN_REVIEW", { embargoUntil: later });
    for (const actor of [editor, admin]) {
      expect(checkTransition(actor, embargoed, "publish", input)).toMatchObject({ ok: false, reason: /under embargo until 2026-11-30T12:00:00.000Z/ });
      expect(checkTransition(actor, embargoed, "schedule", { now, at: new Date(later.getTime() - 60_000) })).toMatchObject({ ok: false, reason: /or later/ });
      expect(checkTransition(actor, embargoed, "schedule", { now, at: later })).toEqual({ ok: true, to: "SCHEDULED" });
    }
    // Once the embargo has passed, it is an ordinary story.
    expect(checkTransition(editor, embargoed, "publish", { now: later })).toEqual({ ok: true, to: "PUBLISHED" });
  });

  it("offers the editor only what it would allow", () => {
    expect(availableActions(author, story("DRAFT"), now)).toEqual(["submit"]);
    expect(availableActions(otherContributor, story("DRAFT"), now)).toEqual([]);
    expect(availableActions(editor, story("IN_REVIEW"), now)).toEqual(["withdraw", "return", "publish", "schedule", "archive"]);
    expect(availableActions(editor, story("IN_REVIEW", { embargoUntil: later }), now)).not.toContain("publish");
    expect(availableActions(editor, story("PUBLISHED", { unpublishAt: later }), now)).toEqual(["publish", "unpublish", "scheduleUnpublish", "cancelUnpublish"]);
  });

  it("lets contributors edit their own drafts only, the desk anything not archived", () => {
    expect(canEditInState(author, story("DRAFT"))).toBe(true);
    expect(canEditInState(author, story("IN_REVIEW"))).toBe(false);
    expect(canEditInState(otherContributor, story("DRAFT"))).toBe(false);
    expect(canEditInState(editor, story("PUBLISHED"))).toBe(true);
    expect(canEditInState(admin, story("ARCHIVED"))).toBe(false);
  });
});
