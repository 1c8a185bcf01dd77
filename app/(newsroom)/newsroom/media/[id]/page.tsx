import type { Metadata } from "next";
import Link from "next/link";
import { FocalPointPicker } from "@/components/newsroom/focal-point-picker";
import { NewsroomHeader } from "@/components/newsroom/newsroom-header";
import { ActionForm } from "@/components/ui/action-form";
import { NamedOptions } from "@/components/ui/option-list";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/not-found";
import { captionLine } from "@/lib/media/format";
import { getMediaForEdit, toDisplayMedia } from "@/lib/media/queries";
import { thumbnailUrl } from "@/lib/media/variants";
import { STATUS_LABEL } from "@/lib/stories/workflow";
import { listCreditablePeople } from "@/lib/people/queries";
import { deleteMediaAction, updateMediaAction } from "../actions";

export const metadata: Metadata = { title: "Image", robots: { index: false } };
const input = "rounded border border-ink/30 bg-white px-2 py-1 font-normal";
const formatBytes = (bytes: number) => (bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`);

export default async function MediaItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/newsroom/media/${id}`);
  const media = await orNotFound(getMediaForEdit({ actor: user, mediaId: id }));
  const people = media.canEdit ? await listCreditablePeople({ actor: user, include: media.creditPersonId }) : [];
  const shown = toDisplayMedia(media);
  const preview = captionLine(media.caption, shown.credit);
  return (
    <>
      <NewsroomHeader user={user} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <p className="text-sm">
          <Link href="/newsroom/media" className="underline">
            ← Media
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold break-all">{media.filename}</h1>
        <p className="text-sm text-ink/70">
          {media.format.toUpperCase()} · {media.width}×{media.height} · {formatBytes(media.bytes)} · {media.uploadedBy ? `uploaded by ${media.uploadedBy.name}` : "added by the system (demo content or an import)"}
        </p>

        <div className="mt-6 grid gap-8 md:grid-cols-2">
          <div>
            <figure>
              {!media.canEdit && <img src={thumbnailUrl(media, 960)} alt={media.alt ?? ""} width={media.width} height={media.height} className="h-auto w-full" />}
              <figcaption className="text-sm text-ink/70">{preview ? `As readers see it: ${preview}` : "No caption or credit yet."}</figcaption>
            </figure>

            <section aria-labelledby="used-in" className="mt-6">
              <h2 id="used-in" className="font-semibold">
                Used in
              </h2>
              {media.usedIn.length ? (
                <ul className="mt-2 list-disc pl-5 text-sm">
                  {media.usedIn.map(({ story }) => (
                    <li key={story.id}>
                      <Link href={`/newsroom/stories/${story.id}`} className="underline">
                        {story.headline || "Untitled story"}
                      </Link>{" "}
                      ({STATUS_LABEL[story.status]}, {story.leadMediaId === media.id ? "lead photo" : "in the body"})
                    </li>
                  ))}
                </ul>
              ) : media.hiddenUses ? null : (
                <p className="mt-2 text-sm text-ink/70">No story uses this image.</p>
              )}
              {media.hiddenUses > 0 && (
                <p className="mt-2 text-sm text-ink/70">
                  {media.usedIn.length ? "Also used in " : "Used in "}
                  {media.hiddenUses === 1 ? "1 story" : `${media.hiddenUses} stories`} you can’t see.
                </p>
              )}
            </section>
          </div>

          {media.canEdit ? (
            <div>
              <ActionForm action={updateMediaAction} submitLabel="Save details" className="grid gap-3">
                <input type="hidden" name="mediaId" value={media.id} />
                <FocalPointPicker src={thumbnailUrl(media, 960)} alt={media.alt ?? ""} width={media.width} height={media.height} initial={{ x: media.focalX, y: media.focalY }} />
                <label className="flex flex-col text-sm font-semibold">
                  Alt text (required to publish: what the photo shows, for readers who cannot see it)
                  <textarea name="alt" rows={2} defaultValue={media.alt ?? ""} className={input} />
                </label>
                <label className="flex flex-col text-sm font-semibold">
                  Caption
                  <textarea name="caption" rows={3} defaultValue={media.caption ?? ""} className={input} />
                </label>
                <label className="flex flex-col text-sm font-semibold">
                  Photographer from our people
                  <select name="creditPersonId" defaultValue={media.creditPersonId ?? ""} className={input}>
                    <NamedOptions rows={people} empty="— Not one of our people —" />
                  </select>
                </label>
                <label className="flex flex-col text-sm font-semibold">
                  Or credit as written (e.g. a wire photographer)
                  <input name="creditText" defaultValue={media.creditText ?? ""} className={input} />
                </label>
                <label className="flex flex-col text-sm font-semibold">
                  Source or agency
                  <input name="source" defaultValue={media.source ?? ""} className={input} />
                </label>
                <div className="flex flex-wrap gap-3">
                  <label className="flex flex-col text-sm font-semibold">
                    Copyright holder
                    <input name="copyrightHolder" defaultValue={media.copyrightHolder ?? ""} className={input} />
                  </label>
                  <label className="flex flex-col text-sm font-semibold">
                    Copyright year
                    <input name="copyrightYear" inputMode="numeric" defaultValue={media.copyrightYear ?? ""} className={`${input} w-28`} />
                  </label>
                </div>
              </ActionForm>

              <section aria-labelledby="delete" className="mt-10 border-t border-ink/15 pt-4">
                <h2 id="delete" className="font-semibold">
                  Delete
                </h2>
                <p className="text-sm text-ink/70">Removes the image and all its sizes. An image a story uses cannot be deleted.</p>
                <ActionForm action={deleteMediaAction} submitLabel="Delete this image" variant="secondary" className="mt-2 flex flex-wrap gap-2">
                  <input type="hidden" name="mediaId" value={media.id} />
                </ActionForm>
              </section>
            </div>
          ) : (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="font-semibold">Alt text</dt>
              <dd>{media.alt || "—"}</dd>
              <dt className="font-semibold">Caption</dt>
              <dd>{media.caption || "—"}</dd>
              <dt className="font-semibold">Credit</dt>
              <dd>{shown.credit || "—"}</dd>
              <dd className="col-span-2 mt-2 text-ink/70">Only editors and the person who uploaded it can change these details.</dd>
            </dl>
          )}
        </div>
      </main>
    </>
  );
}
