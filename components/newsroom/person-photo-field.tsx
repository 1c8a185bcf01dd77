"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setPersonPhotoAction } from "@/lib/actions/people";
import { Button } from "@/components/ui/button";
import type { TDisplayMedia } from "@/lib/media/display";
import { thumbnailUrl } from "@/lib/media/variants";
import { MediaCatalog, type TCatalogItem } from "./media-catalog";
import { MediaPicker } from "./media-picker";

/** A person's portrait: chosen from the library or uploaded in place; saved at once. */
export function PersonPhotoField({
  personId,
  name,
  photo,
  maxUploadBytes,
}: {
  personId: string;
  name: string;
  photo: TDisplayMedia | null;
  maxUploadBytes: number;
}) {
  const router = useRouter();
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (mediaId: string | null) => {
    setBusy(true);
    const result = await setPersonPhotoAction({ personId, mediaId }).catch(() => null);
    setBusy(false);
    if (!result?.ok) return setError(result?.error.message ?? "The server could not be reached; the photo was not changed.");
    setError(null);
    router.refresh();
  };
  return (
    <MediaCatalog.Provider value={{ items: new Map<string, TCatalogItem>(), add: () => {}, maxUploadBytes, openDetails: () => {} }}>
      <section aria-labelledby="photo-heading" className="mt-8">
        <h2 id="photo-heading" className="font-semibold">
          Photo
        </h2>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          {photo ? (
            <img
              src={thumbnailUrl(photo, 320)}
              alt={photo.alt || `Portrait of ${name}`}
              className="size-24 rounded-full object-cover"
              style={{ objectPosition: `${photo.focalX * 100}% ${photo.focalY * 100}%` }}
            />
          ) : (
            <span className="text-sm text-ink/70">No photo.</span>
          )}
          <Button variant="secondary" onClick={() => setPicking(true)} disabled={busy}>
            {photo ? "Change photo…" : "Choose a photo…"}
          </Button>
          {photo && (
            <Button variant="secondary" onClick={() => void save(null)} disabled={busy}>
              Remove photo
            </Button>
          )}
        </div>
        {error && (
          <p role="alert" className="mt-2 text-sm text-accent">
            {error}
          </p>
        )}
        {picking && <MediaPicker title={`Photo of ${name}`} onPick={(item) => void save(item.id)} onClose={() => setPicking(false)} />}
      </section>
    </MediaCatalog.Provider>
  );
}
