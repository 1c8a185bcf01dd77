import "server-only";
import { Pager, pagePath } from "@/components/ui/pager";
import { LABEL } from "@/lib/cache/labels";
import { formatDateTime } from "@/lib/site";
import { NOTE_LABEL } from "@/lib/stories/note-kinds";
import { listPublicNotes } from "@/lib/stories/notes";
import type { TPageResult } from "../page";

/** /corrections and /corrections/page/N: corrections, clarifications and updates, newest first; labelled with the notes and every teaser. */
export async function correctionsPage(requested: number): Promise<TPageResult> {
  const labels = [LABEL.corrections, LABEL.listings];
  const { notes, page, pages } = await listPublicNotes(requested);
  if (page > pages) return { kind: "notFound", labels };
  return {
    kind: "page",
    labels,
    head: {
      title: page > 1 ? `Corrections — page ${page}` : "Corrections",
      description: "Corrections, clarifications and updates to our stories, newest first.",
      path: pagePath("/corrections", page),
    },
    content: (
      <article className="mx-auto max-w-[42rem]">
        <h1 className="font-serif text-4xl font-bold">Corrections</h1>
        <p className="mt-2 text-ink/70">When we get something wrong, we say so here and on the story. Newest first.</p>
        {notes.length === 0 ? (
          <p className="mt-8">No corrections yet.</p>
        ) : (
          <ol className="mt-8 divide-y divide-ink/10">
            {notes.map((n) => (
              <li key={n.id} className="py-4">
                <p className="text-sm text-ink/60">
                  <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time> · {NOTE_LABEL[n.kind]}
                </p>
                <h2 className="mt-1 font-serif text-xl font-semibold">
                  <a href={`/stories/${n.story.slug}`} className="hover:underline">
                    {n.story.headline}
                  </a>
                </h2>
                <p className="mt-1 font-serif">
                  <strong>{NOTE_LABEL[n.kind]}:</strong> {n.body}
                </p>
              </li>
            ))}
          </ol>
        )}
        <Pager page={page} pages={pages} href={(p) => pagePath("/corrections", p)} />
      </article>
    ),
  };
}
