import type { Metadata } from "next";
import Link from "next/link";
import { AdminOnly } from "@/components/newsroom/admin-only";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { Pager, pageQuery } from "@/components/ui/pager";
import { TableHead } from "@/components/ui/table-head";
import { AUDIT_ACTIONS, listAudit, type TAuditAction } from "@/lib/audit/audit";
import { hasRole } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/site";

export const metadata: Metadata = { title: "Audit log", robots: { index: false } };

/** The entry's own facts in words: headline, times, who was changed. */
function describe(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .map(([k, v]) => (k === "headline" ? `“${String(v)}”` : `${k}: ${String(v)}`))
    .join(" · ");
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser("/newsroom/audit");
  if (!hasRole(user, "ADMIN")) return <AdminOnly user={user} title="Audit log" what="the audit log" />;
  const page = Math.min(10_000, Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const { events, pages } = await listAudit({ actor: user, page });
  return (
    <NewsroomPage user={user} width="6xl">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="mt-1 text-sm text-ink/70">Publishing, scheduling, embargoes, archiving and changes to accounts: who, what, when. Newest first.</p>
      <table className="mt-4 w-full text-left text-sm">
        <caption className="sr-only">Audit log</caption>
        <TableHead columns={["When", "Who", "What", "Details"]} />
        <tbody className="divide-y divide-ink/10">
          {events.map((e) => (
            <tr key={e.id}>
              <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(e.at)}</td>
              <td className="pr-4">{e.actor ? `${e.actor.name} (${e.actor.email})` : "The system"}</td>
              <td className="pr-4">{AUDIT_ACTIONS[e.action as TAuditAction] ?? e.action}</td>
              <td>
                {e.storyId ? (
                  <Link href={`/newsroom/stories/${e.storyId}`} className="underline">
                    {describe(e.details)}
                  </Link>
                ) : (
                  describe(e.details)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager Link={Link} page={page} pages={pages} href={(p) => `/newsroom/audit${pageQuery({}, p)}`} />
    </NewsroomPage>
  );
}
