"use client";

import { useEffect, useId, useRef, useState } from "react";
import { searchMediaAction } from "@/lib/actions/media";
import { Button } from "@/components/ui/button";
import { captionLine } from "@/lib/media/format";
import { toDisplayMedia } from "@/lib/media/display";
import { thumbnailUrl } from "@/lib/media/variants";
import { useMediaCatalog, type TCatalogItem } from "./media-catalog";
import { MediaUploader } from "./media-uploader";

/**
 * A dialog to choose an image from the library (search as you type) or upload
 * one in place; an uploaded image is chosen at once.
 */
export function MediaPicker({ title, onPick, onClose }: { title: string; onPick: (item: TCatalogItem) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { add, maxUploadBytes } = useMediaCatalog();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<TCatalogItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const result = await searchMediaAction(q);
        if (!current) return;
        if (result.ok) {
          setItems(result.data);
          setError(null);
        } else setError(result.error.message);
      } catch {
        if (current) setError("The library could not be reached. Check your connection and try again.");
      }
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);

  const pick = (item: TCatalogItem) => {
    add(item);
    onPick(item);
    dialog.current?.close();
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(56rem,95vw)] rounded border border-ink/20 bg-paper p-0 backdrop:bg-ink/40"
    >
      <div className="flex items-center justify-between border-b border-ink/15 px-4 py-3">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <Button variant="secondary" onClick={() => dialog.current?.close()}>
          Close
        </Button>
      </div>
      <div className="max-h-[75vh] overflow-auto p-4">
        <MediaUploader compact multiple={false} maxBytes={maxUploadBytes} onUploaded={(media) => pick(toDisplayMedia(media))} />
        <label className="mt-4 flex flex-col text-sm font-semibold">
          Search the library
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="rounded border border-ink/30 bg-white px-2 py-1 font-normal"
            placeholder="Caption, credit or alt text"
          />
        </label>
        {error && (
          <p role="alert" className="mt-2 text-sm text-accent">
            {error}
          </p>
        )}
        {items && items.length === 0 && <p className="mt-3 text-sm text-ink/70">No image matches. Upload one above.</p>}
        <ul aria-label="Library images" className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {items?.map((item) => {
            const label = captionLine(item.caption, item.credit) || item.filename;
            return (
              <li key={item.id}>
                <button
                  type="button"
                  onClick={() => pick(item)}
                  className="block w-full rounded border border-ink/15 bg-white text-left hover:border-ink focus:outline-2 focus:outline-accent"
                  aria-label={`Choose ${item.alt || item.filename}`}
                >
                  <img
                    src={thumbnailUrl(item, 320)}
                    alt=""
                    width={item.width}
                    height={item.height}
                    loading="lazy"
                    className="aspect-[4/3] w-full object-cover"
                  />
                  <span className="line-clamp-2 p-1 text-xs">{label}</span>
                  {!item.alt && <span className="m-1 inline-block rounded bg-accent/15 px-1 text-xs font-semibold text-accent">No alt text</span>}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </dialog>
  );
}
