import type { Metadata } from "next";
import Link from "next/link";
import { Pager, pageQuery } from "@/components/ui/pager";
import { STATUS_LABEL } from "@/lib/stories/workflow";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { OptionList } from "@/components/ui/option-list";
import { TableHead } from "@/components/ui/table-head";
import { requireUser } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/site";
import { listStoriesForDesk } from "@/lib/stories/queries";
import { STORY_STATUSES } from "@/lib/stories/schemas";

export const metadata: Metadata = { title: "Stories", robots: { index: false } };

export default async function StoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/newsroom/stories");
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const filter = { status: one(params.status), q: one(params.q), page: one(params.page) } as Parameters<typeof listStoriesForDesk>[0]["filter"];
  const { stories, total, page, pages } = await listStoriesForDesk({ actor: user, filter });
  const now = new Date();
  return (
    <NewsroomPage user={user} width="6xl">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Stories</h1>
        <Link href="/newsroom/stories/new" className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
          New story
        </Link>
      </div>
      <form className="mt-6 flex flex-wrap items-end gap-3" role="search" aria-label="Filter stories">
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-q" className="text-sm font-semibold">
            Search
          </label>
          <input id="filter-q" name="q" defaultValue={filter.q ?? ""} className="w-64 rounded border border-ink/30 bg-white px-3 py-2" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-status" className="text-sm font-semibold">
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={String(filter.status ?? "")} className="rounded border border-ink/30 bg-white px-3 py-2">
            <option value="">Any status</option>
            <OptionList values={STORY_STATUSES} labels={STATUS_LABEL} />
          </select>
        </div>
        <button type="submit" className="rounded border border-ink/30 bg-white px-4 py-2 text-sm font-semibold">
          Filter
        </button>
      </form>
      {stories.length === 0 ? (
        <p className="mt-8 text-ink/70">{filter.q || filter.status ? "No stories match this filter." : "No stories yet. Start one with “New story”."}</p>
      ) : (
        <table className="mt-6 w-full text-left text-sm">
          <caption className="sr-only">Stories, most recently updated first ({total})</caption>
          <TableHead columns={["Headline", "Status", "Author", "Updated"]} />
          <tbody className="divide-y divide-ink/10">
            {stories.map((s) => (
              <tr key={s.id}>
                <td className="py-2 pr-4">
                  <Link href={`/newsroom/stories/${s.id}`} className="font-semibold hover:underline">
                    {s.headline || "Untitled story"}
                  </Link>
                </td>
                <td className="pr-4">
                  {STATUS_LABEL[s.status]}
                  {s.embargoUntil && s.embargoUntil > now && (
                    <span className="ml-2 rounded bg-accent/15 px-1 text-xs font-semibold text-accent">Embargoed</span>
                  )}
                </td>
                <td className="pr-4">{s.createdBy.name}</td>
                <td>
                  <time dateTime={s.updatedAt.toISOString()}>{formatDateTime(s.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager Link={Link} page={page} pages={pages} href={(p) => pageQuery({ status: filter.status, q: filter.q }, p)} />
    </NewsroomPage>
  );
}
