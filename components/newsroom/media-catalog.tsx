"use client";

import { createContext, useContext } from "react";
import type { TDisplayMedia } from "@/lib/media/display";

export type TCatalogItem = TDisplayMedia;

/**
 * The library images the story editor knows about (those the story uses and
 * those picked since it opened), so the lead photo panel and the images in the
 * body can show their picture, caption and credit.
 */
export const MediaCatalog = createContext<{ items: Map<string, TCatalogItem>; add: (item: TCatalogItem) => void; maxUploadBytes: number }>({
  items: new Map(),
  add: () => {},
  maxUploadBytes: 0,
});

export const useMediaCatalog = () => useContext(MediaCatalog);
