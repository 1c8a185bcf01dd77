import type { Metadata } from "next";
import Link from "next/link";
import { Pager, pageQuery } from "@/components/ui/pager";
import { absoluteUrl, formatDateTime } from "@/lib/site";
import { NOTE_LABEL } from "@/lib/stories/note-kinds";
import { listPublicNotes } from "@/lib/stories/notes";

// Read at request time until tag-based caching lands (reader-site issue).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Corrections",
  description: "Corrections, clarifications and updates to our stories, newest first.",
  alternates: { canonical: absoluteUrl("/corrections") },
};

const pageNumber = (raw: string | undefined) => Math.min(10_000, Math.max(1, Number.parseInt(raw ?? "1", 10) || 1));

export default async function CorrectionsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { notes, page, pages } = await listPublicNotes(pageNumber((await searchParams).page));
  return (
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
                <Link href={`/stories/${n.story.slug}`} className="hover:underline">
                  {n.story.headline}
                </Link>
              </h2>
              <p className="mt-1 font-serif">
                <strong>{NOTE_LABEL[n.kind]}:</strong> {n.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pager page={page} pages={pages} href={(p) => `/corrections${pageQuery({}, p)}`} />
    </article>
  );
}
