import type { Metadata } from "next";
import Link from "next/link";
import { AdminOnly } from "@/components/newsroom/admin-only";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { PersonPhotoField } from "@/components/newsroom/person-photo-field";
import { maxUploadBytes } from "@/lib/media/config";
import { ActionForm } from "@/components/ui/action-form";
import { hasRole } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/not-found";
import { getPersonForAdmin, listPeople } from "@/lib/people/queries";
import { listUsers } from "@/lib/users/queries";
import { linkAccountAction, mergePersonAction, retirePersonAction, updatePersonAction } from "@/lib/actions/people";

export const metadata: Metadata = { title: "Edit person", robots: { index: false } };
const input = "rounded border border-ink/30 bg-white px-2 py-1 font-normal";

export default async function EditPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/newsroom/people/${id}`);
  if (!hasRole(user, "ADMIN")) return <AdminOnly user={user} title="People" what="people and their bios" />;
  const person = await orNotFound(getPersonForAdmin({ actor: user, personId: id }));
  const [others, users] = await Promise.all([listPeople({ actor: user }), listUsers({ actor: user })]);
  return (
    <NewsroomPage user={user} width="4xl">
      <p className="text-sm">
        <Link href="/newsroom/people" className="underline">
          ← People
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{person.name}</h1>
      <p className="text-sm text-ink/70">
        {person._count.credits} credits · {person.retiredAt ? "Retired" : "Active"} ·{" "}
        <Link href={`/people/${person.slug}`} className="underline">
          Public page
        </Link>
      </p>

      <ActionForm action={updatePersonAction} submitLabel="Save person" className="mt-6 grid gap-3">
        <input type="hidden" name="personId" value={person.id} />
        <label className="flex flex-col text-sm font-semibold">
          Name
          <input name="name" defaultValue={person.name} className={input} />
        </label>
        <label className="flex flex-col text-sm font-semibold">
          Address (slug) — the old one keeps working
          <input name="slug" defaultValue={person.slug} className={input} />
        </label>
        <label className="flex flex-col text-sm font-semibold">
          Title
          <input name="title" defaultValue={person.title ?? ""} className={input} />
        </label>
        <label className="flex flex-col text-sm font-semibold">
          Affiliation
          <input name="affiliation" defaultValue={person.affiliation ?? ""} className={input} />
        </label>
        <label className="flex flex-col text-sm font-semibold">
          One-line bio (ends every story they write)
          <input name="shortBio" defaultValue={person.shortBio ?? ""} className={input} />
        </label>
        <label className="flex flex-col text-sm font-semibold">
          Longer bio (their page)
          <textarea name="longBio" rows={5} defaultValue={person.longBio ?? ""} className={input} />
        </label>
        <label className="flex flex-col text-sm font-semibold">
          Links, one per line as “Label | https://…”
          <textarea name="links" rows={3} defaultValue={person.links.map((l) => `${l.label} | ${l.url}`).join("\n")} className={input} />
        </label>
      </ActionForm>

      <PersonPhotoField personId={person.id} name={person.name} photo={person.photo} maxUploadBytes={maxUploadBytes()} />

      <section aria-labelledby="account" className="mt-8">
        <h2 id="account" className="font-semibold">
          Login account
        </h2>
        <ActionForm action={linkAccountAction} submitLabel="Link account" variant="secondary" className="mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="personId" value={person.id} />
          <select name="userId" defaultValue={person.user?.id ?? ""} aria-label="Account" className={input}>
            <option value="">No login (freelancer, wire reporter…)</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </ActionForm>
      </section>

      <section aria-labelledby="retire" className="mt-8">
        <h2 id="retire" className="font-semibold">
          {person.retiredAt ? "Retired" : "Retire"}
        </h2>
        <ActionForm
          action={retirePersonAction}
          submitLabel={person.retiredAt ? "Bring back" : `Retire ${person.name}`}
          variant="secondary"
          className="mt-2 flex flex-wrap gap-2"
        >
          <input type="hidden" name="personId" value={person.id} />
          <input type="hidden" name="retired" value={person.retiredAt ? "false" : "true"} />
        </ActionForm>
      </section>

      <section aria-labelledby="merge" className="mt-8">
        <h2 id="merge" className="font-semibold">
          Merge a duplicate into {person.name}
        </h2>
        <p className="text-sm text-ink/70">The duplicate&apos;s credits move here and its address redirects here. This cannot be undone.</p>
        <ActionForm action={mergePersonAction} submitLabel="Merge" variant="secondary" className="mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="survivorId" value={person.id} />
          <select name="duplicateId" aria-label="Duplicate" defaultValue="" className={input}>
            <option value="" disabled>
              Choose the duplicate
            </option>
            {others
              .filter((o) => o.id !== person.id)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                  {o.title ? ` — ${o.title}` : ""}
                </option>
              ))}
          </select>
        </ActionForm>
      </section>
    </NewsroomPage>
  );
}
