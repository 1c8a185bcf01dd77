import type { TDisplayMedia } from "@/lib/media/queries";
import { captionLine } from "@/lib/media/format";
import { pictureSources } from "@/lib/media/variants";

/**
 * A library image as readers see it: a <picture> offering AVIF and WebP in every
 * width (the browser picks), the original format as fallback, width and height
 * reserved so nothing shifts, and the caption followed by the credit.
 */
export function Figure({
  media,
  caption,
  lead = false,
  sizes = "(min-width: 48rem) 42rem, 100vw",
}: {
  media: TDisplayMedia;
  /** This story's own caption, instead of the library's. */
  caption?: string | null;
  /** The lead photo loads at once and first; the others when the reader nears them. All decode off the main thread. */
  lead?: boolean;
  sizes?: string;
}) {
  const p = pictureSources(media);
  const line = captionLine(caption?.trim() || media.caption, media.credit);
  return (
    <figure className={lead ? "lead-figure my-6" : "my-8"}>
      <picture>
        {p.sources.map((s) => (
          <source key={s.type} type={s.type} srcSet={s.srcSet} sizes={sizes} />
        ))}
        <img
          src={p.src}
          srcSet={p.srcSet}
          sizes={sizes}
          width={p.width}
          height={p.height}
          alt={media.alt}
          loading={lead ? "eager" : "lazy"}
          decoding="async"
          fetchPriority={lead ? "high" : undefined}
          className="h-auto w-full bg-ink/5"
        />
      </picture>
      {line && <figcaption className="mt-2 text-sm leading-snug text-ink/70">{line}</figcaption>}
    </figure>
  );
}
