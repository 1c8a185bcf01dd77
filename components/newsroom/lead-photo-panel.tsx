"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { captionLine } from "@/lib/media/format";
import { thumbnailUrl } from "@/lib/media/variants";
import { useMediaCatalog } from "./media-catalog";
import { MediaPicker } from "./media-picker";

/**
 * The story's lead photo: chosen from the library or uploaded in place, with
 * an optional caption for this story instead of the library's. The credit
 * always comes from the library; its details (alt text, caption, credit) are
 * edited here too, in the photo details dialog.
 */
export function LeadPhotoPanel({
  mediaId,
  caption,
  errors,
  onChange,
}: {
  mediaId: string;
  caption: string;
  errors?: string[];
  onChange: (patch: { leadMediaId?: string; leadCaption?: string }) => void;
}) {
  const { items, openDetails } = useMediaCatalog();
  const [picking, setPicking] = useState(false);
  const captionId = useId();
  const errorId = useId();
  const item = mediaId ? items.get(mediaId) : undefined;
  return (
    <section aria-labelledby={`${captionId}-heading`} className="rounded border border-ink/15 bg-white p-4">
      <h2 id={`${captionId}-heading`} className="text-sm font-semibold">
        Lead photo
      </h2>
      {mediaId ? (
        <div className="mt-2 grid gap-3 sm:grid-cols-[12rem_1fr]">
          {item ? (
            <img src={thumbnailUrl(item, 480)} alt={item.alt} width={item.width} height={item.height} className="h-auto w-48" />
          ) : (
            <span className="text-sm text-ink/70">Image {mediaId}</span>
          )}
          <div className="flex flex-col gap-2 text-sm">
            {item && (
              <p>
                <span className="text-ink/70">Readers see: </span>
                {captionLine(caption || item.caption, item.credit) || <em>no caption or credit yet</em>}
              </p>
            )}
            {item && !item.alt && <p className="font-semibold text-accent">This photo has no alt text yet; add it in its photo details before publishing.</p>}
            <label htmlFor={captionId} className="font-semibold">
              Caption for this story (optional)
            </label>
            <textarea
              id={captionId}
              rows={2}
              value={caption}
              placeholder={item?.caption ?? "The library's caption is used when this is empty."}
              onChange={(e) => onChange({ leadCaption: e.target.value })}
              className="rounded border border-ink/30 px-2 py-1"
            />
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" aria-haspopup="dialog" onClick={() => openDetails(mediaId)}>
                Photo details…
              </Button>
              <Button variant="secondary" onClick={() => setPicking(true)}>
                Change photo…
              </Button>
              <Button variant="secondary" onClick={() => onChange({ leadMediaId: "", leadCaption: "" })}>
                Remove photo
              </Button>
            </div>
          </div>
        </div>
      ) : (
        <div className="mt-2">
          <Button variant="secondary" onClick={() => setPicking(true)} aria-describedby={errors?.length ? errorId : undefined}>
            Choose or upload a lead photo…
          </Button>
        </div>
      )}
      {errors?.length ? (
        <p id={errorId} className="mt-2 text-sm text-accent">
          {errors.join(" ")}
        </p>
      ) : null}
      {picking && <MediaPicker title="Choose the lead photo" onPick={(picked) => onChange({ leadMediaId: picked.id })} onClose={() => setPicking(false)} />}
    </section>
  );
}
