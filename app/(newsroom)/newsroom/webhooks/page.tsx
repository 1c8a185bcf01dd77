import type { Metadata } from "next";
import Link from "next/link";
import { AdminOnly } from "@/components/newsroom/admin-only";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { WebhookSwitch } from "@/components/newsroom/webhook-switch";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { TableHead } from "@/components/ui/table-head";
import { createWebhookAction, deleteWebhookAction } from "@/lib/actions/delivery";
import { hasRole } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/site";
import { WEBHOOK_EVENT_TEXT, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/payload";
import { listWebhooks } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhooks", robots: { index: false } };

const input = "rounded border border-ink/30 bg-white px-2 py-1";

/** Admins register the addresses that hear about our changes, and see how their deliveries stand. */
export default async function WebhooksPage() {
  const user = await requireUser("/newsroom/webhooks");
  if (!hasRole(user, "ADMIN")) return <AdminOnly user={user} title="Webhooks" what="webhooks" />;
  const hooks = await listWebhooks({ actor: user });
  return (
    <NewsroomPage user={user} width="6xl">
      <h1 className="text-2xl font-semibold">Webhooks</h1>
      <p className="mt-2 max-w-3xl text-sm text-ink/80">
        We post a signed message (Standard Webhooks) to each address when what it listens for happens. A delivery that fails is tried again for about a day; an
        address that fails for 24 hours is switched off, with a notice here.
      </p>

      <section aria-labelledby="new-webhook" className="mt-6 rounded border border-ink/15 bg-white p-4">
        <h2 id="new-webhook" className="font-semibold">
          New webhook
        </h2>
        <ActionForm action={createWebhookAction} submitLabel="Register webhook" resetOnSuccess className="mt-3 flex flex-wrap items-start gap-6">
          <div className="flex flex-col gap-3">
            <label className="flex flex-col text-sm font-semibold">
              Address (https://…)
              <input name="url" type="url" required className={`${input} w-96`} placeholder="https://example.com/hooks/newsroom" />
            </label>
            <label className="flex flex-col text-sm font-semibold">
              Description (optional)
              <input name="description" maxLength={200} className={`${input} w-96`} placeholder="Push alerts" />
            </label>
          </div>
          <CheckboxGroup legend="Events" name="events" values={WEBHOOK_EVENT_TYPES} labels={WEBHOOK_EVENT_TEXT} checked={["story.published"]} />
        </ActionForm>
      </section>

      <table className="mt-8 w-full text-left text-sm">
        <caption className="sr-only">Webhooks ({hooks.length})</caption>
        <TableHead columns={["Address", "Events", "Deliveries", "Status", ""]} />
        <tbody className="divide-y divide-ink/10 align-top">
          {hooks.map((h) => (
            <tr key={h.id} aria-label={h.url}>
              <td className="py-3 pr-4">
                <p className="font-semibold break-all">{h.url}</p>
                {h.description && <p className="text-ink/70">{h.description}</p>}
                <p className="text-xs text-ink/50">Since {formatDateTime(h.createdAt)}</p>
              </td>
              <td className="py-3 pr-4">
                <ul>
                  {h.events.map((e) => (
                    <li key={e}>
                      <code>{e}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="py-3 pr-4">
                <p>
                  {h.deliveries.DELIVERED ?? 0} delivered, {h.deliveries.PENDING ?? 0} waiting, {h.deliveries.FAILED ?? 0} failed
                </p>
                <Link className="underline" href={`/newsroom/webhooks/${h.id}`}>
                  Delivery log<span className="sr-only"> of {h.url}</span>
                </Link>
              </td>
              <td className="py-3 pr-4">
                {h.disabledReason && (
                  <p role="note" className="mb-2 rounded border border-accent/40 bg-accent/5 p-2 text-accent">
                    {h.disabledReason}
                  </p>
                )}
                {h.active && h.failingSince && <p className="mb-2 text-accent">Failing since {formatDateTime(h.failingSince)}</p>}
                <WebhookSwitch webhook={h} />
              </td>
              <td className="py-3">
                <ActionForm action={deleteWebhookAction} submitLabel="Remove" variant="secondary">
                  <input type="hidden" name="webhookId" value={h.id} />
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hooks.length === 0 && <p className="mt-4 text-sm">No webhooks yet.</p>}
    </NewsroomPage>
  );
}
