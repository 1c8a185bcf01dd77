import type { Metadata } from "next";
import Link from "next/link";
import { AdminOnly } from "@/components/newsroom/admin-only";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { WebhookSwitch } from "@/components/newsroom/webhook-switch";
import { ActionForm } from "@/components/ui/action-form";
import { TableHead } from "@/components/ui/table-head";
import { redeliverAction } from "@/lib/actions/delivery";
import { hasRole } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/not-found";
import { formatDateTime } from "@/lib/site";
import { DELIVERY_LOG_SIZE, getWebhookLog } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhook deliveries", robots: { index: false } };

const STATUS = { PENDING: "Waiting", DELIVERED: "Delivered", FAILED: "Failed" } as const;

/** One endpoint's newest deliveries, every attempt with its answer and time, and a button to send one again. */
export default async function WebhookLogPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/newsroom/webhooks/${id}`);
  if (!hasRole(user, "ADMIN")) return <AdminOnly user={user} title="Webhook deliveries" what="webhooks" />;
  const hook = await orNotFound(getWebhookLog({ actor: user, webhookId: id }));
  return (
    <NewsroomPage user={user} width="6xl">
      <p className="text-sm">
        <Link className="underline" href="/newsroom/webhooks">
          ← Webhooks
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold break-all">Deliveries to {hook.url}</h1>
      {hook.description && <p className="mt-1 text-ink/70">{hook.description}</p>}
      <div className="mt-3 text-sm">
        {hook.disabledReason && (
          <p role="note" className="mb-2 rounded border border-accent/40 bg-accent/5 p-2 text-accent">
            {hook.disabledReason}
          </p>
        )}
        <WebhookSwitch webhook={hook} />
      </div>

      <table className="mt-6 w-full text-left text-sm">
        <caption className="sr-only">The newest {DELIVERY_LOG_SIZE} deliveries</caption>
        <TableHead columns={["Event", "Status", "Attempts", ""]} />
        <tbody className="divide-y divide-ink/10 align-top">
          {hook.deliveries.map((d) => (
            <tr key={d.id} aria-label={`${d.type} ${d.id}`}>
              <td className="py-3 pr-4">
                <p>
                  <code>{d.type}</code>
                </p>
                <p className="font-mono text-xs text-ink/50">{d.id}</p>
                <p className="text-xs text-ink/50">{formatDateTime(d.createdAt)}</p>
              </td>
              <td className="py-3 pr-4">
                <p className="font-semibold">{STATUS[d.status]}</p>
                {d.status === "DELIVERED" && d.deliveredAt && <p className="text-xs text-ink/60">{formatDateTime(d.deliveredAt)}</p>}
                {d.status === "PENDING" && d.attempts > 0 && <p className="text-xs text-ink/60">Next try {formatDateTime(d.nextAttemptAt)}</p>}
              </td>
              <td className="py-3 pr-4">
                {d.log.length === 0 ? (
                  <p className="text-ink/60">Not tried yet</p>
                ) : (
                  <ol aria-label="Attempts" className="list-decimal pl-5">
                    {d.log.map((a) => (
                      <li key={a.id}>
                        {a.statusCode ? `HTTP ${a.statusCode}` : a.error} · {formatDateTime(a.at)} · {a.durationMs} ms{a.manual ? " · sent again by hand" : ""}
                        {a.statusCode && a.error ? <span className="block text-xs text-ink/60">{a.error}</span> : null}
                      </li>
                    ))}
                  </ol>
                )}
              </td>
              <td className="py-3">
                <ActionForm action={redeliverAction} submitLabel="Redeliver" variant="secondary">
                  <input type="hidden" name="deliveryId" value={d.id} />
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hook.deliveries.length === 0 && <p className="mt-4 text-sm">Nothing sent yet: deliveries appear here when an event it listens for happens.</p>}
    </NewsroomPage>
  );
}
