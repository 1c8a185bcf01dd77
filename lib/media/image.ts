import "server-only";
import exifr from "exifr";
import sharp, { type Metadata } from "sharp";
import { AppError } from "@/lib/errors";
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
const MAX_PIXELS = 100_000_000;

/**
 * Check an upload by its bytes (never its name or declared type) and decode it
 * fully, so that corrupt or truncated files are refused here, before anything is stored.
 */
export async function inspectUpload(data: Buffer): Promise<TInspected> {
  let meta: Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new AppError("INVALID_INPUT", `This file is not an image we accept. Upload a ${ACCEPTED} file.`);
  }
  const format = acceptedFormat(meta);
  if (!format) {
    const what = meta.format === "svg" ? "SVG images are not accepted (they can carry scripts)." : `${String(meta.format).toUpperCase()} images are not accepted.`;
    throw new AppError("INVALID_INPUT", `${what} Upload a ${ACCEPTED} file.`);
  }
  try {
    // Decode every pixel: sharp stops at the first warning, e.g. a truncated JPEG.
    await sharp(data, { limitInputPixels: MAX_PIXELS, failOn: "warning", animated: format === "gif" }).raw().toBuffer();
  } catch {
    throw new AppError("INVALID_INPUT", "This image is damaged or incomplete, so it cannot be used. Export it again and upload the new file.");
  }
  const { width, height } = meta.autoOrient;
  return { format, width, height, prefill: await readPrefill(data) };
}

function acceptedFormat(meta: Metadata): TMediaFormat | null {
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

type TExifr = Record<string, unknown>;

/** The first non-empty text among values from IPTC, XMP and EXIF (XMP language alternatives included). */
function text(...values: unknown[]): string | null {
  for (const value of values) {
    const v = Array.isArray(value) ? value[0] : value && typeof value === "object" && "value" in value ? (value as { value: unknown }).value : value;
    if (typeof v === "string" && v.trim()) return v.trim().slice(0, 1000);
  }
  return null;
}

/** Caption, credit, source and copyright as a photographer or agency wrote them into the file. */
async function readPrefill(data: Buffer): Promise<TInspected["prefill"]> {
  let m: TExifr = {};
  try {
    m = ((await exifr.parse(data, { iptc: true, xmp: true, exif: false, gps: false, mergeOutput: true })) as TExifr | undefined) ?? {};
  } catch {
    // Unreadable metadata is no reason to refuse a good image.
  }
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
 * point when asked, resized, and encoded without the original's metadata.
 */
export async function renderVariant(original: Buffer, source: TVariantSource, variant: TVariant): Promise<Buffer> {
  const animated = source.format === "gif" && (variant.format === "gif" || variant.format === "webp");
  let image = sharp(original, { limitInputPixels: MAX_PIXELS, animated }).rotate();
  if (variant.crop) {
    image = sharp(await image.toBuffer(), { animated });
    image = image.extract(cropBox(source.width, source.height, CROPS[variant.crop.ratio], source.focalX, source.focalY));
  }
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
