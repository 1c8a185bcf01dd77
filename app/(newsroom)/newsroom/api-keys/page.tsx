import type { Metadata } from "next";
import { AdminOnly } from "@/components/newsroom/admin-only";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { TableHead } from "@/components/ui/table-head";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/actions/delivery";
import { API_SCOPES, SCOPE_TEXT } from "@/lib/api/access";
import { listApiKeys } from "@/lib/api-keys/keys";
import { hasRole } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/site";

export const metadata: Metadata = { title: "API keys", robots: { index: false } };

const input = "rounded border border-ink/30 bg-white px-2 py-1";

/** Admins make and revoke the delivery API's keys, and see how each is used. */
export default async function ApiKeysPage() {
  const user = await requireUser("/newsroom/api-keys");
  if (!hasRole(user, "ADMIN")) return <AdminOnly user={user} title="API keys" what="API keys" />;
  const keys = await listApiKeys({ actor: user });
  return (
    <NewsroomPage user={user} width="6xl">
      <h1 className="text-2xl font-semibold">API keys</h1>
      <p className="mt-2 max-w-3xl text-sm text-ink/80">
        Apps, newsletters and partners read our stories from <code>/api/v1</code> with a key (documentation:{" "}
        <a className="underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>
        ). A key is shown once, when it is made; we keep only its fingerprint. Every key reads published content; previews and embargoed stories need their own
        scope.
      </p>

      <section aria-labelledby="new-key" className="mt-6 rounded border border-ink/15 bg-white p-4">
        <h2 id="new-key" className="font-semibold">
          New key
        </h2>
        <ActionForm action={createApiKeyAction} submitLabel="Create key" resetOnSuccess className="mt-3 flex flex-wrap items-end gap-6">
          <label className="flex flex-col text-sm font-semibold">
            Name (who or what uses it)
            <input name="name" required maxLength={100} className={input} placeholder="Mobile app" />
          </label>
          <CheckboxGroup legend="Scopes" name="scopes" values={API_SCOPES} labels={SCOPE_TEXT} checked={["content"]} />
          <label className="flex flex-col text-sm font-semibold">
            Requests a minute
            <input name="rateLimit" type="number" min={1} max={100000} defaultValue={600} className={`${input} w-32`} />
          </label>
        </ActionForm>
      </section>

      <table className="mt-8 w-full text-left text-sm">
        <caption className="sr-only">API keys ({keys.length})</caption>
        <TableHead columns={["Key", "Scopes", "Limit", "Use (24 hours)", "Status"]} />
        <tbody className="divide-y divide-ink/10 align-top">
          {keys.map((k) => (
            <tr key={k.id} aria-label={k.name}>
              <td className="py-3 pr-4">
                <p className="font-semibold">{k.name}</p>
                <p className="font-mono text-ink/70">{k.prefix}…</p>
                <p className="text-xs text-ink/50">
                  Made {formatDateTime(k.createdAt)}
                  {k.createdBy ? ` by ${k.createdBy.name}` : " by an operator"}
                </p>
              </td>
              <td className="py-3 pr-4">
                <ul>
                  {k.scopes.map((s) => (
                    <li key={s}>{SCOPE_TEXT[s as keyof typeof SCOPE_TEXT] ?? s}</li>
                  ))}
                </ul>
              </td>
              <td className="py-3 pr-4">{k.rateLimit.toLocaleString("en-US")} a minute</td>
              <td className="py-3 pr-4">
                <p>
                  {k.requestsToday.toLocaleString("en-US")} requests
                  {k.limitedToday > 0 && `, ${k.limitedToday.toLocaleString("en-US")} refused over the limit`}
                </p>
                <p className="text-xs text-ink/50">{k.lastUsedAt ? `Last used ${formatDateTime(k.lastUsedAt)}` : "Never used"}</p>
              </td>
              <td className="py-3">
                {k.revokedAt ? (
                  <p>Revoked {formatDateTime(k.revokedAt)}</p>
                ) : (
                  <ActionForm action={revokeApiKeyAction} submitLabel={`Revoke ${k.name}`} variant="secondary" className="flex flex-wrap gap-2">
                    <input type="hidden" name="keyId" value={k.id} />
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {keys.length === 0 && <p className="mt-4 text-sm">No keys yet.</p>}
    </NewsroomPage>
  );
}
