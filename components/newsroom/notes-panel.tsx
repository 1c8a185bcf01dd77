import { addNoteAction, editNoteAction } from "@/lib/actions/notes";
import { ActionForm } from "@/components/ui/action-form";
import { OptionList } from "@/components/ui/option-list";
import type { NoteKind } from "@/lib/db/generated/enums";
import { formatDateTime } from "@/lib/site";
import { NOTE_KINDS, NOTE_LABEL } from "@/lib/stories/note-kinds";

type TNote = {
  id: string;
  kind: NoteKind;
  body: string;
  createdAt: Date;
  history: { kind: NoteKind; body: string; replacedAt: Date; editedBy: { name: string } }[];
};

const input = "rounded border border-ink/30 bg-white px-2 py-1 font-normal";

/**
 * Corrections, clarifications, updates and editor's notes on a published story:
 * appended with today's date; editing one keeps what it said before.
 */
export function NotesPanel({ storyId, notes }: { storyId: string; notes: TNote[] }) {
  return (
    <section aria-labelledby="notes-heading" className="rounded border border-ink/15 bg-white p-4 text-sm">
      <h2 id="notes-heading" className="font-semibold">
        Corrections and updates
      </h2>
      <ActionForm action={addNoteAction} submitLabel="Add note" resetOnSuccess className="mt-3 flex flex-col gap-2">
        <input type="hidden" name="storyId" value={storyId} />
        <label className="flex flex-col font-semibold">
          Kind
          <select name="kind" defaultValue="CORRECTION" className={input}>
            <OptionList values={NOTE_KINDS} labels={NOTE_LABEL} />
          </select>
        </label>
        <label className="flex flex-col font-semibold">
          Note (readers see it with today&apos;s date)
          <textarea name="body" rows={3} className={input} placeholder="An earlier version of this story misstated…" />
        </label>
      </ActionForm>
      {notes.length > 0 && (
        <ol aria-label="Notes on this story" className="mt-4 space-y-4">
          {notes.map((n) => (
            <li key={n.id} className="rounded border border-ink/10 p-3">
              <p className="text-ink/60">
                {NOTE_LABEL[n.kind]} · {formatDateTime(n.createdAt)}
              </p>
              <ActionForm action={editNoteAction} submitLabel="Save changes to this note" variant="secondary" className="mt-2 flex flex-col gap-2">
                <input type="hidden" name="noteId" value={n.id} />
                <label className="flex flex-col font-semibold">
                  Kind
                  <select name="kind" defaultValue={n.kind} className={input}>
                    <OptionList values={NOTE_KINDS} labels={NOTE_LABEL} />
                  </select>
                </label>
                <label className="flex flex-col font-semibold">
                  Text
                  <textarea name="body" rows={2} defaultValue={n.body} className={input} />
                </label>
              </ActionForm>
              {n.history.length > 0 && (
                <details className="mt-2">
                  <summary>Earlier wording ({n.history.length})</summary>
                  <ul className="mt-1 space-y-1">
                    {n.history.map((h, i) => (
                      <li key={i} className="text-ink/70">
                        {NOTE_LABEL[h.kind]}: {h.body} — replaced {formatDateTime(h.replacedAt)} by {h.editedBy.name}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
