"use client";

import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { MediaImage } from "@/lib/richtext/media-node";
import { captionLine } from "@/lib/media/format";
import { thumbnailUrl } from "@/lib/media/variants";
import { useMediaCatalog } from "./media-catalog";

/** A library image inside the body, as the editor shows it: the picture, its caption and credit, what it still lacks, and a way to its details. */
function MediaImageView({ node, selected }: ReactNodeViewProps) {
  const { items, openDetails } = useMediaCatalog();
  const id = String(node.attrs.mediaId ?? "");
  const item = items.get(id);
  return (
    <NodeViewWrapper as="figure" data-media-id={id} data-drag-handle className={`my-4 rounded border p-2 ${selected ? "border-accent" : "border-ink/15"}`}>
      {item ? (
        <>
          <img src={thumbnailUrl(item, 960)} alt={item.alt} width={item.width} height={item.height} className="h-auto max-h-96 w-auto" draggable={false} />
          <figcaption className="mt-1 text-sm text-ink/70">
            {captionLine(item.caption, item.credit) || item.filename}{" "}
            {!item.alt && <strong className="text-accent">No alt text yet: add it in its photo details before publishing.</strong>}
          </figcaption>
        </>
      ) : (
        <figcaption className="text-sm text-ink/70">Image from the library ({id}). Its caption and credit show in the preview.</figcaption>
      )}
      {/* A button inside a node view gets its own clicks (Tiptap's stopEvent), so this opens the details without moving the text's selection. */}
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={`Photo details: ${item?.filename ?? id}`}
        onClick={() => openDetails(id)}
        className="mt-1 rounded border border-ink/30 bg-white px-2 py-0.5 text-xs font-semibold hover:bg-ink/5"
      >
        Photo details…
      </button>
    </NodeViewWrapper>
  );
}

/** The body's image node with its editor view; the schema is the shared one in lib/richtext. */
export const MediaImageWithView = MediaImage.extend({
  addNodeView() {
    return ReactNodeViewRenderer(MediaImageView);
  },
});
