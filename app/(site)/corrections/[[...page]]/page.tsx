import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pager, pagePath, pageParam } from "@/components/ui/pager";
import { labelPage } from "@/lib/cache/page-labels";
import { LABEL } from "@/lib/cache/labels";
import { formatDateTime, pageAlternates } from "@/lib/site";
import { NOTE_LABEL } from "@/lib/stories/note-kinds";
import { listPublicNotes } from "@/lib/stories/notes";

// /corrections and /corrections/page/2…: a parameter (optional) so that the
// page is rendered at run time, then cached until a note or story changes
// (lib/cache) or a minute passes.
export const revalidate = 60;
export const generateStaticParams = () => [];

type TProps = { params: Promise<{ page?: string[] }> };

/** 1 for /corrections, N for /corrections/page/N, null for anything else (404). */
function pageOf(segments: string[] | undefined): number | null {
  if (!segments) return 1;
  return segments.length === 2 && segments[0] === "page" ? pageParam(segments[1]!) : null;
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const page = pageOf((await params).page) ?? 1;
  return {
    title: page > 1 ? `Corrections — page ${page}` : "Corrections",
    description: "Corrections, clarifications and updates to our stories, newest first.",
    alternates: pageAlternates(pagePath("/corrections", page)),
  };
}

export default async function CorrectionsPage({ params }: TProps) {
  const requested = pageOf((await params).page);
  if (!requested) notFound();
  await labelPage(LABEL.corrections, LABEL.listings);
  const { notes, page, pages } = await listPublicNotes(requested);
  if (page > pages) notFound();
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
      <Pager page={page} pages={pages} href={(p) => pagePath("/corrections", p)} />
    </article>
  );
}
