"use client";

import { Button } from "@/components/ui/button";
import type { TFieldErrors } from "@/lib/errors";
import { imagesLackingAlt } from "@/lib/media/details";
import { useMediaCatalog } from "./media-catalog";

/**
 * Publishing refused for want of alt text: a button per image named, opening
 * its details right here. A button goes once that image has its alt text.
 */
export function MissingAltText({ errors }: { errors: TFieldErrors }) {
  const { items, openDetails } = useMediaCatalog();
  const open = imagesLackingAlt(errors).filter((id) => !items.get(id)?.alt);
  if (!open.length) return null;
  return (
    <div className="flex w-full flex-wrap gap-2">
      {open.map((id) => (
        <Button key={id} variant="secondary" onClick={() => openDetails(id)}>
          Add alt text to “{items.get(id)?.filename ?? "the image"}”
        </Button>
      ))}
    </div>
  );
}
