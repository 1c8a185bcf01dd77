import type { Metadata } from "next";
import Link from "next/link";
import { MediaDetailsFields, MediaDetailsSummary } from "@/components/newsroom/media-details-fields";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { ActionForm } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/not-found";
import { toMediaDetails } from "@/lib/media/details";
import { captionLine } from "@/lib/media/format";
import { getMediaForEdit, toDisplayMedia } from "@/lib/media/queries";
import { thumbnailUrl } from "@/lib/media/variants";
import { STATUS_LABEL } from "@/lib/stories/workflow";
import { listCreditablePeople } from "@/lib/people/queries";
import { deleteMediaAction, updateMediaAction } from "@/lib/actions/media";

export const metadata: Metadata = { title: "Image", robots: { index: false } };
const formatBytes = (bytes: number) => (bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`);

export default async function MediaItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/newsroom/media/${id}`);
  const media = await orNotFound(getMediaForEdit({ actor: user, mediaId: id }));
  const people = media.canEdit ? await listCreditablePeople({ actor: user, include: media.creditPersonId }) : [];
  const shown = toDisplayMedia(media);
  const details = toMediaDetails(media, media.canEdit);
  const preview = captionLine(media.caption, shown.credit);
  return (
    <NewsroomPage user={user} width="6xl">
      <p className="text-sm">
        <Link href="/newsroom/media" className="underline">
          ← Media
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold break-all">{media.filename}</h1>
      <p className="text-sm text-ink/70">
        {media.format.toUpperCase()} · {media.width}×{media.height} · {formatBytes(media.bytes)} ·{" "}
        {media.uploadedBy ? `uploaded by ${media.uploadedBy.name}` : "added by the system (demo content or an import)"}
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
              <MediaDetailsFields media={details} people={people} />
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
          <MediaDetailsSummary media={details} />
        )}
      </div>
    </NewsroomPage>
  );
}
