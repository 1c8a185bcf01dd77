import type { Metadata } from "next";
import Link from "next/link";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { NamedOptions, OptionList } from "@/components/ui/option-list";
import { hasRole } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/current-user";
import { listCreditablePeople } from "@/lib/people/queries";
import { formatDateTime } from "@/lib/site";
import { getDesk, type TDeskFilter, type TDeskItem } from "@/lib/stories/desk";
import { listSections } from "@/lib/stories/queries";
import { STATUS_LABEL, STATUSES } from "@/lib/stories/workflow";

export const metadata: Metadata = { title: "Desk", robots: { index: false } };
const input = "rounded border border-ink/30 bg-white px-2 py-1 font-normal";

/** One line about a story on the desk: where it stands and when. */
function when(s: TDeskItem): string {
  const parts: string[] = [STATUS_LABEL[s.status]];
  if (s.status === "SCHEDULED" && s.scheduledAt) parts.push(`publishes ${formatDateTime(s.scheduledAt)}`);
  if (s.unpublishAt) parts.push(`comes down ${formatDateTime(s.unpublishAt)}`);
  if (s.embargoUntil && s.embargoUntil > new Date()) parts.push(`embargoed until ${formatDateTime(s.embargoUntil)}`);
  if (s.status === "PUBLISHED" && s.publishedAt) parts.push(`since ${formatDateTime(s.publishedAt)}`);
  if (s.hasPending) parts.push("unpublished changes");
  return parts.join(" · ");
}

function DeskList({ title, items, empty }: { title: string; items: TDeskItem[]; empty: string }) {
  const id = `desk-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded border border-ink/15 bg-white p-4">
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-ink/60">{empty}</p>
      ) : (
        <ul className="mt-2 divide-y divide-ink/10 text-sm">
          {items.map((s) => (
            <li key={s.id} className="py-2">
              <Link href={`/newsroom/stories/${s.id}`} className="font-semibold hover:underline">
                {s.headline || "Untitled story"}
              </Link>
              <p className="text-ink/70">
                {when(s)} · {s.createdBy.name}
                {s.section ? ` · ${s.section.name}` : ""}
              </p>
              {s.notice && <p className="text-accent">{s.notice}</p>}
              {s.deskNote && s.status === "DRAFT" && <p className="text-ink/80">Desk note: {s.deskNote}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function DeskPage({ searchParams }: { searchParams: Promise<TDeskFilter> }) {
  const user = await requireUser("/newsroom");
  const filter = await searchParams;
  const [desk, sections, people] = await Promise.all([getDesk({ actor: user, filter }), listSections(), listCreditablePeople({ actor: user })]);
  const editor = hasRole(user, "EDITOR");
  return (
    <NewsroomPage user={user} width="6xl">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Welcome, {user.name}</h1>
          <p className="text-sm text-ink/70">
            The desk: where every story stands.{" "}
            <Link href="/" className="underline underline-offset-2">
              View the public site
            </Link>
            .
          </p>
        </div>
        <div className="flex gap-3">
          <Link href="/newsroom/stories/new" className="inline-block rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
            Write a new story
          </Link>
          <Link href="/newsroom/stories" className="inline-block rounded border border-ink/30 bg-white px-4 py-2 text-sm font-semibold">
            All stories
          </Link>
        </div>
      </div>

      <form role="search" aria-label="Filter the desk" className="mt-6 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col font-semibold">
          Section
          <select name="section" defaultValue={filter.section ?? ""} className={input}>
            <NamedOptions rows={sections} empty="All sections" />
          </select>
        </label>
        <label className="flex flex-col font-semibold">
          Person credited
          <select name="person" defaultValue={filter.person ?? ""} className={input}>
            <NamedOptions rows={people} empty="Anyone" />
          </select>
        </label>
        <label className="flex flex-col font-semibold">
          State
          <select name="status" defaultValue={filter.status ?? ""} className={input}>
            <option value="">Any state</option>
            <OptionList values={STATUSES} labels={STATUS_LABEL} />
          </select>
        </label>
        <button type="submit" className="rounded border border-ink/30 bg-white px-3 py-1 font-semibold">
          Filter
        </button>
      </form>

      <div className="mt-6 grid gap-4 md:grid-cols-2">
        {desk.attention.length > 0 && <DeskList title="Needs attention" items={desk.attention} empty="" />}
        <DeskList title="My drafts" items={desk.mine} empty="No drafts of yours." />
        <DeskList title={editor ? "In review" : "Submitted"} items={desk.review} empty={editor ? "Nothing waiting for the desk." : "Nothing submitted."} />
        <DeskList title="Scheduled" items={desk.scheduled} empty="Nothing scheduled." />
        <DeskList title="Embargoed" items={desk.embargoed} empty="No embargoes." />
        <DeskList title="Recently published" items={desk.published} empty="Nothing published yet." />
      </div>
    </NewsroomPage>
  );
}
