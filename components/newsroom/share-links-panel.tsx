import { createShareLinkAction, revokeShareLinkAction } from "@/lib/actions/delivery";
import { ActionForm } from "@/components/ui/action-form";
import { formatDateTime } from "@/lib/site";

type TShareLink = {
  id: string;
  label: string;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
  createdBy: { name: string } | null;
  _count: { uses: number };
  uses: { at: Date; address: string | null; userAgent: string | null }[];
};

const input = "rounded border border-ink/30 bg-white px-2 py-1 font-normal";

function state(link: TShareLink, now: Date) {
  if (link.revokedAt) return `Revoked ${formatDateTime(link.revokedAt)}`;
  if (link.expiresAt <= now) return `Expired ${formatDateTime(link.expiresAt)}`;
  return `Works until ${formatDateTime(link.expiresAt)}`;
}

/**
 * Links to this story's preview for someone outside the newsroom (a source
 * checking a quote, a lawyer): no sign-in, never indexed or cached, every use
 * recorded, expiring and revocable. The link itself is shown once.
 */
export function ShareLinksPanel({ storyId, links, now = new Date() }: { storyId: string; links: TShareLink[]; now?: Date }) {
  return (
    <section aria-labelledby="share-heading" className="rounded border border-ink/15 bg-white p-4 text-sm">
      <h2 id="share-heading" className="font-semibold">
        Share the preview
      </h2>
      <p className="mt-1 text-ink/70">
        For someone outside the newsroom: they see the last saved version without signing in. Search engines are told not to index it.
      </p>
      <ActionForm action={createShareLinkAction} submitLabel="Make a link" resetOnSuccess className="mt-3 flex flex-wrap items-end gap-3">
        <input type="hidden" name="storyId" value={storyId} />
        <label className="flex flex-col font-semibold">
          For whom
          <input name="label" required maxLength={100} className={input} placeholder="Dr. Lee, checking her quotes" />
        </label>
        <label className="flex flex-col font-semibold">
          Hours it works
          <input name="hours" type="number" min={1} max={720} defaultValue={72} className={`${input} w-24`} />
        </label>
      </ActionForm>
      {links.length > 0 && (
        <ul aria-label="Links to this preview" className="mt-4 space-y-3">
          {links.map((l) => {
            const live = !l.revokedAt && l.expiresAt > now;
            return (
              <li key={l.id} aria-label={l.label} className="rounded border border-ink/10 p-3">
                <p className="font-semibold">{l.label}</p>
                <p className="text-ink/60">
                  Made {formatDateTime(l.createdAt)}
                  {l.createdBy && ` by ${l.createdBy.name}`} · {state(l, now)}
                </p>
                <p className="mt-1">
                  Opened {l._count.uses} {l._count.uses === 1 ? "time" : "times"}
                  {l.uses.length > 0 && ":"}
                </p>
                {l.uses.length > 0 && (
                  <ul className="list-disc pl-5 text-ink/70">
                    {l.uses.map((u, i) => (
                      <li key={i}>
                        {formatDateTime(u.at)}
                        {u.address && ` from ${u.address}`}
                        {u.userAgent && <span className="block truncate text-xs text-ink/50">{u.userAgent}</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {live && (
                  <ActionForm action={revokeShareLinkAction} submitLabel={`Revoke the link for ${l.label}`} variant="secondary" className="mt-2">
                    <input type="hidden" name="linkId" value={l.id} />
                  </ActionForm>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
