import type { NoteKind } from "@/lib/db/generated/enums";

/** The kinds of notes editors append to published stories, and where readers see them. */
export const NOTE_KINDS = ["CORRECTION", "CLARIFICATION", "UPDATE", "EDITORS_NOTE"] as const satisfies readonly NoteKind[];
export const NOTE_LABEL: Record<NoteKind, string> = {
  CORRECTION: "Correction",
  CLARIFICATION: "Clarification",
  UPDATE: "Update",
  EDITORS_NOTE: "Editor's note",
};
/** Updates and editor's notes sit near the top of the story; corrections and clarifications at the end. */
export const NOTE_AT_TOP: Record<NoteKind, boolean> = { CORRECTION: false, CLARIFICATION: false, UPDATE: true, EDITORS_NOTE: true };
