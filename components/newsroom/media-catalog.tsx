"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { TDisplayMedia } from "@/lib/media/display";
import { ImageDetailsDialog } from "./image-details";

export type TCatalogItem = TDisplayMedia;

type TMediaCatalog = {
  items: Map<string, TCatalogItem>;
  add: (item: TCatalogItem) => void;
  maxUploadBytes: number;
  /** Open an image's details (alt text, caption, credit) over the story. */
  openDetails: (mediaId: string) => void;
};

/**
 * The library images the story editor knows about (those the story uses and
 * those picked since it opened), so the lead photo panel and the images in the
 * body can show their picture, caption and credit.
 */
export const MediaCatalog = createContext<TMediaCatalog>({
  items: new Map(),
  add: () => {},
  maxUploadBytes: 0,
  openDetails: () => {},
});

export const useMediaCatalog = () => useContext(MediaCatalog);

/**
 * The story editor's catalog, and the one photo details dialog any part of the
 * editor can open: what it saves replaces the catalog's copy, so every view of
 * the image shows the new details without a reload.
 */
export function MediaCatalogProvider({ initial, maxUploadBytes, children }: { initial: TCatalogItem[]; maxUploadBytes: number; children: ReactNode }) {
  const [items, setItems] = useState(() => new Map(initial.map((m) => [m.id, m])));
  const [detailsOf, setDetailsOf] = useState<string | null>(null);
  const add = useCallback((item: TCatalogItem) => setItems((all) => new Map(all).set(item.id, item)), []);
  const value = useMemo(() => ({ items, add, maxUploadBytes, openDetails: setDetailsOf }), [items, add, maxUploadBytes]);
  return (
    <MediaCatalog.Provider value={value}>
      {children}
      {detailsOf && <ImageDetailsDialog key={detailsOf} mediaId={detailsOf} onSaved={add} onClose={() => setDetailsOf(null)} />}
    </MediaCatalog.Provider>
  );
}
