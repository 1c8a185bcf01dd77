import { NOTE_AT_TOP, NOTE_LABEL } from "@/lib/stories/note-kinds";
import { formatDateTime } from "@/lib/site";
import type { NoteKind } from "@/lib/db/generated/enums";

export type TPublicNote = { id: string; kind: NoteKind; body: string; createdAt: Date };

/**
 * A story's dated notes where readers look for them: updates and editor's
 * notes under the headline, corrections and clarifications at the end.
 */
export function StoryNotes({ notes, place }: { notes: TPublicNote[]; place: "top" | "end" }) {
  const shown = notes.filter((n) => NOTE_AT_TOP[n.kind] === (place === "top"));
  if (!shown.length) return null;
  return (
    <aside
      aria-label={place === "top" ? "Updates" : "Corrections"}
      className={`story-notes ${place === "top" ? "mb-6" : "mt-8"} space-y-2 border-l-4 border-accent/60 bg-accent/5 px-4 py-3 text-sm`}
    >
      {shown.map((n) => (
        <p key={n.id} data-kind={n.kind}>
          <strong>{NOTE_LABEL[n.kind]}:</strong> {n.body}{" "}
          <time dateTime={n.createdAt.toISOString()} className="text-ink/60">
            ({formatDateTime(n.createdAt)})
          </time>
        </p>
      ))}
    </aside>
  );
}
