import type { Metadata } from "next";
import Link from "next/link";
import { Pager, pageQuery } from "@/components/ui/pager";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { LibraryUploader } from "@/components/newsroom/media-uploader";
import { requireUser } from "@/lib/auth/current-user";
import { maxUploadBytes } from "@/lib/media/config";
import { captionLine } from "@/lib/media/format";
import { listMedia, toDisplayMedia } from "@/lib/media/queries";
import { thumbnailUrl } from "@/lib/media/variants";

export const metadata: Metadata = { title: "Media", robots: { index: false } };
const input = "rounded border border-ink/30 bg-white px-2 py-1 font-normal";

type TSearch = { q?: string; filter?: string; page?: string; deleted?: string };

export default async function MediaPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const user = await requireUser("/newsroom/media");
  const params = await searchParams;
  const { items, total, page, pages } = await listMedia({ actor: user, filter: params });
  return (
    <NewsroomPage user={user} width="6xl">
      <h1 className="text-2xl font-semibold">Media</h1>
      <p className="mt-1 text-sm text-ink/70">The photo library: every image with its alt text, caption, credit and copyright, and the stories that use it.</p>
      {params.deleted && (
        <p role="status" className="mt-3 text-sm text-green-800">
          The image was deleted.
        </p>
      )}

      <section aria-label="Upload" className="mt-6">
        <LibraryUploader maxBytes={maxUploadBytes()} />
      </section>

      <form role="search" aria-label="Find images" className="mt-6 flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm font-semibold">
          Search captions, credits and alt text
          <input name="q" defaultValue={params.q ?? ""} className={`${input} w-72`} />
        </label>
        <label className="flex flex-col text-sm font-semibold">
          Show
          <select name="filter" defaultValue={params.filter ?? ""} className={input}>
            <option value="">All images</option>
            <option value="missing-alt">Missing alt text</option>
            <option value="unused">Not used in any story</option>
          </select>
        </label>
        <button type="submit" className="rounded border border-ink/30 bg-white px-3 py-1 text-sm font-semibold">
          Search
        </button>
      </form>

      <p className="mt-4 text-sm text-ink/70" aria-live="polite">
        {total} image{total === 1 ? "" : "s"}
      </p>
      <ul aria-label="Images" className="mt-2 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {items.map((m) => {
          const shown = toDisplayMedia(m);
          return (
            <li key={m.id} className="rounded border border-ink/15 bg-white">
              <Link href={`/newsroom/media/${m.id}`} className="block hover:bg-ink/5">
                <img
                  src={thumbnailUrl(m)}
                  alt={m.alt ?? ""}
                  width={m.width}
                  height={m.height}
                  loading="lazy"
                  className="aspect-[4/3] w-full object-cover"
                  style={{ objectPosition: `${m.focalX * 100}% ${m.focalY * 100}%` }}
                />
                <span className="block p-2 text-sm">
                  <span className="line-clamp-2">{captionLine(m.caption, shown.credit) || m.filename}</span>
                  <span className="mt-1 flex flex-wrap gap-2 text-xs">
                    {!m.alt && <span className="rounded bg-accent/15 px-1 font-semibold text-accent">No alt text</span>}
                    <span className="text-ink/60">{m._count.usedIn ? `Used in ${m._count.usedIn}` : "Unused"}</span>
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      <Pager Link={Link} page={page} pages={pages} href={(p) => pageQuery({ q: params.q, filter: params.filter }, p)} />
    </NewsroomPage>
  );
}
