import { NamedOptions } from "@/components/ui/option-list";
import type { TMediaDetails } from "@/lib/media/details";
import { thumbnailUrl } from "@/lib/media/variants";
import { FocalPointPicker } from "./focal-point-picker";

const input = "rounded border border-ink/30 bg-white px-2 py-1 font-normal";

/**
 * An image's details as a form's fields (uncontrolled: what was typed stays
 * when a save is refused): focal point, alt text, caption, photographer,
 * agency and copyright. One set of fields for the Media page and the story
 * editor's photo details; the form around it posts them with `mediaId` and
 * `baseVersion` (lib/media/details.ts reads them).
 */
export function MediaDetailsFields({
  media,
  people,
  compact = false,
}: {
  media: TMediaDetails;
  people: readonly { id: string; name: string }[];
  compact?: boolean;
}) {
  return (
    <>
      <input type="hidden" name="mediaId" value={media.id} />
      <input type="hidden" name="baseVersion" value={media.version} />
      <div className={compact ? "max-w-sm" : undefined}>
        <FocalPointPicker
          src={thumbnailUrl(media, 960)}
          alt={media.alt}
          width={media.width}
          height={media.height}
          initial={{ x: media.focalX, y: media.focalY }}
        />
      </div>
      <label className="flex flex-col text-sm font-semibold">
        Alt text (required to publish: what the photo shows, for readers who cannot see it)
        <textarea name="alt" rows={2} defaultValue={media.alt} className={input} />
      </label>
      <label className="flex flex-col text-sm font-semibold">
        Caption
        <textarea name="caption" rows={3} defaultValue={media.caption} className={input} />
      </label>
      <label className="flex flex-col text-sm font-semibold">
        Photographer from our people
        <select name="creditPersonId" defaultValue={media.creditPersonId} className={input}>
          <NamedOptions rows={people} empty="— Not one of our people —" />
        </select>
      </label>
      <label className="flex flex-col text-sm font-semibold">
        Or credit as written (e.g. a wire photographer)
        <input name="creditText" defaultValue={media.creditText} className={input} />
      </label>
      <label className="flex flex-col text-sm font-semibold">
        Source or agency
        <input name="source" defaultValue={media.source} className={input} />
      </label>
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-col text-sm font-semibold">
          Copyright holder
          <input name="copyrightHolder" defaultValue={media.copyrightHolder} className={input} />
        </label>
        <label className="flex flex-col text-sm font-semibold">
          Copyright year
          <input name="copyrightYear" inputMode="numeric" defaultValue={media.copyrightYear} className={`${input} w-28`} />
        </label>
      </div>
    </>
  );
}

/** The same details, read only, for someone who may not change them. */
export function MediaDetailsSummary({ media }: { media: Pick<TMediaDetails, "alt" | "caption" | "credit"> }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="font-semibold">Alt text</dt>
      <dd>{media.alt || "—"}</dd>
      <dt className="font-semibold">Caption</dt>
      <dd>{media.caption || "—"}</dd>
      <dt className="font-semibold">Credit</dt>
      <dd>{media.credit || "—"}</dd>
      <dd className="col-span-2 mt-2 text-ink/70">Only editors and the person who uploaded it can change these details.</dd>
    </dl>
  );
}
