"use server";

import type { TFormState } from "@/components/ui/action-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { storyNoteTags } from "@/lib/cache/tags";
import { formText, runFormTask } from "@/lib/form-task";
import { addStoryNote, editStoryNote } from "@/lib/stories/notes";
import type { TNoteInput } from "@/lib/stories/notes";

const noteFrom = (data: FormData) => ({ kind: formText(data, "kind"), body: formText(data, "body") }) as TNoteInput;

export async function addNoteAction(_: TFormState, data: FormData): Promise<TFormState> {
  return runFormTask("Adding a note", "/newsroom/stories", async () => {
    const storyId = formText(data, "storyId");
    await addStoryNote({ actor: await getCurrentUser(), storyId, data: noteFrom(data) });
    refreshPublicPages(storyNoteTags(storyId));
    return "Added. It shows on the story and on /corrections now.";
  });
}

export async function editNoteAction(_: TFormState, data: FormData): Promise<TFormState> {
  return runFormTask("Editing a note", "/newsroom/stories", async () => {
    const note = await editStoryNote({ actor: await getCurrentUser(), noteId: formText(data, "noteId"), data: noteFrom(data) });
    refreshPublicPages(storyNoteTags(note.storyId));
    return "Saved; the earlier wording is kept in the note's history.";
  });
}
