import type { Metadata } from "next";
import Link from "next/link";
import { AdminOnly } from "@/components/newsroom/admin-only";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { TableHead } from "@/components/ui/table-head";
import { ActionForm } from "@/components/ui/action-form";
import { hasRole } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/current-user";
import { listPeople } from "@/lib/people/queries";
import { createPersonFormAction } from "@/lib/actions/people";

export const metadata: Metadata = { title: "People", robots: { index: false } };
const input = "rounded border border-ink/30 bg-white px-2 py-1 font-normal";

export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser("/newsroom/people");
  if (!hasRole(user, "ADMIN")) return <AdminOnly user={user} title="People" what="people and their bios" />;
  const q = (await searchParams).q ?? "";
  const people = await listPeople({ actor: user, q });
  return (
    <NewsroomPage user={user} width="6xl">
      <h1 className="text-2xl font-semibold">People</h1>
      <p className="mt-1 text-sm text-ink/70">Everyone who can be credited on a story — with or without a login.</p>

      <section aria-labelledby="new-person" className="mt-6 rounded border border-ink/15 bg-white p-4">
        <h2 id="new-person" className="font-semibold">
          New person
        </h2>
        <ActionForm action={createPersonFormAction} submitLabel="Add person" resetOnSuccess className="mt-3 flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm font-semibold">
            Name
            <input name="name" className={input} />
          </label>
          <label className="flex flex-col text-sm font-semibold">
            Title
            <input name="title" placeholder="bureau chief in Beijing" className={input} />
          </label>
          <label className="flex flex-col text-sm font-semibold">
            Affiliation
            <input name="affiliation" placeholder="The Washington Post" className={input} />
          </label>
          <label className="flex flex-col text-sm font-semibold">
            One-line bio
            <input name="shortBio" placeholder="is the bureau chief in Beijing" className={`${input} w-80`} />
          </label>
        </ActionForm>
      </section>

      <form role="search" aria-label="Find people" className="mt-6 flex items-end gap-2">
        <label className="flex flex-col text-sm font-semibold">
          Search
          <input name="q" defaultValue={q} className={input} />
        </label>
        <button type="submit" className="rounded border border-ink/30 bg-white px-3 py-1 text-sm font-semibold">
          Search
        </button>
      </form>

      <table className="mt-4 w-full text-left text-sm">
        <caption className="sr-only">People ({people.length})</caption>
        <TableHead columns={["Name", "Title", "Affiliation", "Credits", "Status"]} />
        <tbody className="divide-y divide-ink/10">
          {people.map((p) => (
            <tr key={p.id}>
              <td className="py-2">
                <Link href={`/newsroom/people/${p.id}`} className="font-semibold hover:underline">
                  {p.name}
                </Link>
              </td>
              <td>{p.title}</td>
              <td>{p.affiliation}</td>
              <td>{p._count.credits}</td>
              <td>{p.retiredAt ? "Retired" : "Active"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </NewsroomPage>
  );
}
