import "server-only";
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { runImageJob } from "./image-queue";
import { readHeaderAndMetadata, type THeader, type TRawPrefill } from "./metadata";
import { CROPS, cropBox, type TMediaFormat, type TVariant, type TVariantSource } from "./variants";

/** What an accepted upload is. */
export type TInspected = {
  format: TMediaFormat;
  /** Upright, with EXIF orientation applied. */
  width: number;
  height: number;
  /** Found in the file's IPTC, XMP or EXIF, to pre-fill the library's fields. */
  prefill: { caption: string | null; creditText: string | null; source: string | null; copyrightHolder: string | null; copyrightYear: number | null };
};

const ACCEPTED = "JPEG, PNG, WebP, AVIF or GIF";

/**
 * The most pixels an upload may have (all frames of an animation together): 80
 * megapixels, room for today's 60-megapixel cameras (9504×6336). Decoding streams
 * through the image (sharp reads sequentially and the full check keeps no pixels),
 * so memory per job stays in the tens of MB whatever the size; the limit bounds
 * the time a job holds its slot (about a second per 50 megapixels here).
 */
export const MAX_PIXELS = 80_000_000;
/** Renders also take originals accepted under the earlier 100-megapixel limit. */
const MAX_RENDER_PIXELS = 100_000_000;

/**
 * Check an upload by its bytes (never its name or declared type) and decode it
 * fully, so that corrupt or truncated files are refused here, before anything is
 * stored. Runs as one job of the image queue (bounded concurrency).
 */
export function inspectUpload(data: Buffer): Promise<TInspected> {
  return runImageJob(() => inspect(data));
}

async function inspect(data: Buffer): Promise<TInspected> {
  const { header: meta, prefill } = await readHeaderAndMetadata(data);
  if (!meta) throw new AppError("INVALID_INPUT", `This file is not an image we accept. Upload a ${ACCEPTED} file.`);
  const format = acceptedFormat(meta);
  if (!format) {
    const what =
      meta.format === "svg" ? "SVG images are not accepted (they can carry scripts)." : `${String(meta.format).toUpperCase()} images are not accepted.`;
    throw new AppError("INVALID_INPUT", `${what} Upload a ${ACCEPTED} file.`);
  }
  // Judged from the header, before a single pixel is decoded (a 400 KB PNG can hold 100 megapixels).
  const pixels = meta.width * (meta.pageHeight ?? meta.height) * (format === "gif" ? (meta.pages ?? 1) : 1);
  if (pixels > MAX_PIXELS) {
    const mp = (n: number) => Math.round(n / 1_000_000);
    throw new AppError(
      "INVALID_INPUT",
      `This image has ${mp(pixels)} megapixels${format === "gif" ? " over all its frames" : ""}; images may have at most ${mp(MAX_PIXELS)}. Resize it, then upload it again.`,
    );
  }
  if (!(await decodesFully(data, format)))
    throw new AppError("INVALID_INPUT", "This image is damaged or incomplete, so it cannot be used. Export it again and upload the new file.");
  const { width, height } = meta.autoOrient;
  return { format, width, height, prefill: prefillFrom(prefill) };
}

/**
 * Decode every pixel, keeping almost none: shrinking to a thumbnail reads the image
 * top to bottom a few lines at a time (a 320 MB RGBA PNG in ~20 MB), where a raw
 * decode would hold it all. sharp stops at the first warning, e.g. a truncated JPEG.
 */
async function decodesFully(data: Buffer, format: TMediaFormat): Promise<boolean> {
  try {
    await sharp(data, { limitInputPixels: MAX_PIXELS, sequentialRead: true, failOn: "warning", animated: format === "gif" })
      .resize({ width: 64, height: 64, fit: "inside" })
      .raw()
      .toBuffer();
    return true;
  } catch {
    return false;
  }
}

function acceptedFormat(meta: THeader): TMediaFormat | null {
  switch (meta.format) {
    case "jpeg":
    case "png":
    case "webp":
    case "gif":
      return meta.format;
    case "heif":
      // HEIF holds AVIF (AV1) and HEIC (HEVC); only AVIF is a web format.
      return meta.compression === "av1" ? "avif" : null;
    default:
      return null;
  }
}

/** The first non-empty text among values from IPTC, XMP and EXIF (XMP language alternatives included). */
function text(...values: unknown[]): string | null {
  for (const value of values) {
    const v = Array.isArray(value) ? value[0] : value && typeof value === "object" && "value" in value ? (value as { value: unknown }).value : value;
    if (typeof v === "string" && v.trim()) return v.trim().slice(0, 1000);
  }
  return null;
}

/** Caption, credit, source and copyright as a photographer or agency wrote them into the file (as read by ./metadata.ts). */
function prefillFrom(m: TRawPrefill): TInspected["prefill"] {
  const rights = text(m.CopyrightNotice, m.rights, m.Copyright);
  const yearInRights = rights?.match(/\b(19|20)\d{2}\b/)?.[0];
  const holder = rights
    ?.replace(/©|\(c\)|copyright|all rights reserved\.?/gi, "")
    .replace(/\b(19|20)\d{2}\b/, "")
    .replace(/^[\s,.;:-]+|[\s,.;:-]+$/g, "")
    .trim();
  return {
    caption: text(m.Caption, m.description, m.ImageDescription),
    creditText: text(m.Byline, m.creator, m.Artist),
    source: text(m.Credit, m.Source, m.source),
    copyrightHolder: holder || null,
    copyrightYear: yearInRights ? Number(yearInRights) : null,
  };
}

/**
 * Render one variant from the original: oriented, cropped around the focal
 * point when asked, resized, and encoded without the original's metadata. One
 * pipeline read top to bottom (orientation applied as it loads), so no
 * full-size copy is ever made; one job of the image queue.
 */
export function renderVariant(original: Buffer, source: TVariantSource, variant: TVariant): Promise<Buffer> {
  return runImageJob(() => render(original, source, variant));
}

function render(original: Buffer, source: TVariantSource, variant: TVariant): Promise<Buffer> {
  const animated = source.format === "gif" && (variant.format === "gif" || variant.format === "webp");
  let image = sharp(original, { limitInputPixels: MAX_RENDER_PIXELS, sequentialRead: true, autoOrient: true, animated });
  if (variant.crop) image = image.extract(cropBox(source.width, source.height, CROPS[variant.crop.ratio], source.focalX, source.focalY));
  image = image.resize({ width: variant.width, withoutEnlargement: true });
  switch (variant.format) {
    case "avif":
      return image.avif({ quality: 55, effort: 3 }).toBuffer();
    case "webp":
      return image.webp({ quality: 78 }).toBuffer();
    case "png":
      return image.png({ compressionLevel: 9 }).toBuffer();
    case "gif":
      return image.gif().toBuffer();
    default:
      return image.jpeg({ quality: 80, mozjpeg: true, progressive: true }).toBuffer();
  }
}
