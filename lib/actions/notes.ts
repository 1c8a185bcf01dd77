"use server";

import { formAction, formText } from "@/lib/actions/define";
import { addStoryNote, editStoryNote, type TNoteInput } from "@/lib/stories/notes";

/** Corrections, clarifications and updates on a published story (the desk's). */

const noteFrom = (data: FormData) => ({ kind: formText(data, "kind"), body: formText(data, "body") }) as TNoteInput;

export const addNoteAction = formAction("Adding a note", "/newsroom/stories", async (data, actor) => {
  await addStoryNote({ actor, storyId: formText(data, "storyId"), data: noteFrom(data) });
  return "Added. It shows on the story and on /corrections now.";
});

export const editNoteAction = formAction("Editing a note", "/newsroom/stories", async (data, actor) => {
  await editStoryNote({ actor, noteId: formText(data, "noteId"), data: noteFrom(data) });
  return "Saved; the earlier wording is kept in the note's history.";
});
