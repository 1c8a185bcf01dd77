"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { getMediaDetailsAction, saveMediaDetailsAction } from "@/lib/actions/media";
import { Button } from "@/components/ui/button";
import type { TMediaDetails, TMediaDetailsLoaded } from "@/lib/media/details";
import type { TDisplayMedia } from "@/lib/media/display";
import { captionLine } from "@/lib/media/format";
import type { TFieldErrors } from "@/lib/errors";
import { MediaDetailsFields, MediaDetailsSummary } from "./media-details-fields";

type TRefusal = { message: string; theirs: TMediaDetails | null };

/** A refusal in words, with what each field needs (the fields keep what was typed). */
const refusalText = (message: string, fieldErrors?: TFieldErrors) => [message, ...Object.values(fieldErrors ?? {}).flat()].filter(Boolean).join(" ");

/**
 * An image's details (alt text, caption, photographer, agency, copyright,
 * focal point) edited from the story editor without leaving the story: the
 * Media page's fields and its domain function, version-checked. On success the
 * saved image goes to `onSaved`, so the lead photo panel and the body show the
 * new caption and credit at once.
 */
export function ImageDetailsDialog({ mediaId, onSaved, onClose }: { mediaId: string; onSaved: (item: TDisplayMedia) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [loaded, setLoaded] = useState<TMediaDetailsLoaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** The version the next save is based on: the loaded one, or theirs once the editor has seen a conflict. */
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<TRefusal | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    let current = true;
    getMediaDetailsAction(mediaId).then(
      (result) => {
        if (!current) return;
        if (result.ok) {
          setLoaded(result.data);
          setBaseVersion(result.data.media.version);
        } else setLoadError(result.error.message);
      },
      () => current && setLoadError("The library could not be reached. Check your connection and try again."),
    );
    return () => {
      current = false;
    };
  }, [mediaId]);

  const close = () => dialog.current?.close();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (baseVersion === null || saving) return;
    const data = new FormData(e.currentTarget);
    data.set("baseVersion", String(baseVersion));
    setSaving(true);
    try {
      const result = await saveMediaDetailsAction(data);
      if (result.ok) {
        onSaved(result.data.item);
        close();
        return;
      }
      const theirs = "current" in result && result.current ? result.current : null;
      // Seen their version: saving again replaces it with what is typed here.
      if (theirs) setBaseVersion(theirs.version);
      setRefusal({ message: refusalText(result.error.message, result.error.fieldErrors), theirs });
    } catch {
      setRefusal({
        message: "The server could not be reached; nothing was changed. What you typed is kept: try again when the connection is back.",
        theirs: null,
      });
    } finally {
      setSaving(false);
    }
  };

  const media = loaded?.media;
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(44rem,95vw)] rounded border border-ink/20 bg-paper p-0 backdrop:bg-ink/40"
    >
      <div className="flex items-center justify-between gap-3 border-b border-ink/15 px-4 py-3">
        <div className="min-w-0">
          <h2 id={titleId} className="text-lg font-semibold">
            Photo details
          </h2>
          {media && <p className="truncate text-sm text-ink/70">{media.filename}</p>}
        </div>
        <Button variant="secondary" onClick={close}>
          Close
        </Button>
      </div>
      <div className="max-h-[75vh] overflow-auto p-4">
        {loadError && (
          <p role="alert" className="text-sm text-accent">
            {loadError}
          </p>
        )}
        {!media && !loadError && <p className="text-sm text-ink/70">Loading…</p>}
        {media && !media.canEdit && <MediaDetailsSummary media={media} />}
        {media && media.canEdit && loaded && (
          <form onSubmit={submit} noValidate className="grid gap-3">
            <p className="text-sm text-ink/70">
              These are the library’s details: every story using this photo shows them. The Media page has the rest (where it is used, delete).
            </p>
            <MediaDetailsFields media={media} people={loaded.people} compact />
            {refusal && (
              <div role="alert" className="rounded border border-accent/60 bg-white p-3 text-sm">
                <p className="text-accent">{refusal.message}</p>
                {refusal.theirs && (
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-ink/80">
                    <dt className="font-semibold">Their alt text</dt>
                    <dd>{refusal.theirs.alt || "—"}</dd>
                    <dt className="font-semibold">Their caption and credit</dt>
                    <dd>{captionLine(refusal.theirs.caption, refusal.theirs.credit) || "—"}</dd>
                  </dl>
                )}
              </div>
            )}
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={saving}>
                {saving ? "Saving…" : refusal?.theirs ? "Replace theirs with mine" : "Save details"}
              </Button>
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
              <a href={`/newsroom/media/${media.id}`} target="_blank" rel="noopener" className="self-center text-sm underline">
                Open in Media
              </a>
            </div>
          </form>
        )}
      </div>
    </dialog>
  );
}
