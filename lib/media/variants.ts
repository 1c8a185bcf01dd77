/**
 * Which resized copies of a library image exist, and their URLs. Readers only
 * ever get these variants (made by lib/media/image.ts, without metadata), never
 * the original upload. The set is closed: a fixed list of widths, crops and
 * formats, so nobody can make the server render (and store) arbitrary sizes.
 */

export const MEDIA_FORMATS = ["jpeg", "png", "webp", "avif", "gif"] as const;
export type TMediaFormat = (typeof MEDIA_FORMATS)[number];

/** File extension in variant names, per format. */
export const EXTENSION: Record<TMediaFormat, string> = { jpeg: "jpg", png: "png", webp: "webp", avif: "avif", gif: "gif" };
export const CONTENT_TYPE: Record<TMediaFormat, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
};

/** Phones through wide screens (and their 2x displays). */
export const WIDTHS = [320, 480, 640, 960, 1280, 1600, 2048] as const;
const MAX_WIDTH = Math.max(...WIDTHS);

/** Crops that keep the focal point in frame: teasers, squares, and the 1.91:1 of social cards. */
export const CROPS = { "16x9": 16 / 9, "4x3": 4 / 3, "1x1": 1, "191x100": 1.91 } as const;
export type TCrop = keyof typeof CROPS;

export type TVariant = {
  format: TMediaFormat;
  width: number;
  crop?: { ratio: TCrop; focalX: number; focalY: number };
};

/** What a variant is made from. */
export type TVariantSource = { id: string; format: string; width: number; height: number; focalX: number; focalY: number };

type TBox = { left: number; top: number; width: number; height: number };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The focal point as whole percentages, as it appears in crop URLs. */
export function focalPercent(focal: number): number {
  return clamp(Math.round(focal * 100), 0, 100);
}

/**
 * The largest box of `ratio` inside a width×height image, centred on the focal
 * point (fractions 0–1) as far as the edges allow.
 */
export function cropBox(width: number, height: number, ratio: number, focalX: number, focalY: number): TBox {
  if (width / height > ratio) {
    const w = Math.max(1, Math.min(width, Math.round(height * ratio)));
    return { left: clamp(Math.round(focalX * width - w / 2), 0, width - w), top: 0, width: w, height };
  }
  const h = Math.max(1, Math.min(height, Math.round(width / ratio)));
  return { left: 0, top: clamp(Math.round(focalY * height - h / 2), 0, height - h), width, height: h };
}

/** The widths offered for an image (or crop) `available` pixels wide: never enlarged. */
export function widthsFor(available: number): number[] {
  const top = Math.min(available, MAX_WIDTH);
  return [...WIDTHS.filter((w) => w < top), top];
}

/** The formats an image is served in: AVIF, WebP, and its own format as the fallback. */
export function formatsFor(original: string): TMediaFormat[] {
  const own = (MEDIA_FORMATS as readonly string[]).includes(original) ? (original as TMediaFormat) : "jpeg";
  return [...new Set<TMediaFormat>(["avif", "webp", own])];
}

/** A variant's file name, e.g. `w640.webp` or `16x9-w1280-f50x30.jpg`. */
export function variantName(v: TVariant): string {
  const ext = EXTENSION[v.format];
  if (!v.crop) return `w${v.width}.${ext}`;
  return `${v.crop.ratio}-w${v.width}-f${focalPercent(v.crop.focalX)}x${focalPercent(v.crop.focalY)}.${ext}`;
}

const NAME = /^(?:(16x9|4x3|1x1|191x100)-)?w(\d{1,4})(?:-f(\d{1,3})x(\d{1,3}))?\.(jpg|png|webp|avif|gif)$/;
const FORMAT_OF_EXT = Object.fromEntries(Object.entries(EXTENSION).map(([f, e]) => [e, f])) as Record<string, TMediaFormat>;

/** Parse a variant file name; null when it is not one (the focal part goes with a crop, and only there). */
export function parseVariantName(name: string): TVariant | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, ratio, width, fx, fy, ext] = m;
  if (Boolean(ratio) !== (fx !== undefined)) return null;
  const variant: TVariant = { format: FORMAT_OF_EXT[ext!]!, width: Number(width) };
  if (ratio) {
    if (Number(fx) > 100 || Number(fy) > 100) return null;
    variant.crop = { ratio: ratio as TCrop, focalX: Number(fx) / 100, focalY: Number(fy) / 100 };
  }
  return variant;
}

export type TVariantCheck = { ok: true } | { ok: false; redirectTo?: string };

/**
 * Whether `variant` is one this image offers. A crop asked for with an old focal
 * point is redirected to the current one (pages cached before the change still show it).
 */
export function checkVariant(source: TVariantSource, variant: TVariant): TVariantCheck {
  if (!formatsFor(source.format).includes(variant.format)) return { ok: false };
  if (!variant.crop) return widthsFor(source.width).includes(variant.width) ? { ok: true } : { ok: false };
  const box = cropBox(source.width, source.height, CROPS[variant.crop.ratio], source.focalX, source.focalY);
  if (!widthsFor(box.width).includes(variant.width)) return { ok: false };
  const current = { ...variant.crop, focalX: source.focalX, focalY: source.focalY };
  if (variantName(variant) !== variantName({ ...variant, crop: current })) {
    return { ok: false, redirectTo: mediaUrl(source.id, { ...variant, crop: current }) };
  }
  return { ok: true };
}

/** The path a variant is served at. */
export function mediaUrl(id: string, v: TVariant): string {
  return `/api/media/${encodeURIComponent(id)}/${variantName(v)}`;
}

/** The output size of a variant, for width/height attributes and structured data. */
export function variantSize(source: TVariantSource, v: Pick<TVariant, "width" | "crop">): { width: number; height: number } {
  if (!v.crop) return { width: v.width, height: Math.max(1, Math.round((source.height * v.width) / source.width)) };
  const box = cropBox(source.width, source.height, CROPS[v.crop.ratio], source.focalX, source.focalY);
  return { width: v.width, height: Math.max(1, Math.round((box.height * v.width) / box.width)) };
}

export type TSrcSets = { sources: { type: string; srcSet: string }[]; src: string; srcSet: string; width: number; height: number };

/**
 * Everything a <picture> needs: an AVIF and a WebP <source>, and an <img> in the
 * original format, each with every width the image (or crop) has.
 */
export function pictureSources(source: TVariantSource, crop?: TCrop, fallbackWidth = 960): TSrcSets {
  const cropSpec = crop ? { ratio: crop, focalX: source.focalX, focalY: source.focalY } : undefined;
  const available = crop ? cropBox(source.width, source.height, CROPS[crop], source.focalX, source.focalY).width : source.width;
  const widths = widthsFor(available);
  const set = (format: TMediaFormat) => widths.map((width) => `${mediaUrl(source.id, { format, width, crop: cropSpec })} ${width}w`).join(", ");
  const [own] = formatsFor(source.format).slice(-1) as [TMediaFormat];
  const srcWidth = widths.filter((w) => w <= fallbackWidth).pop() ?? widths[0]!;
  const size = variantSize(source, { width: widths[widths.length - 1]!, crop: cropSpec });
  return {
    sources: (["avif", "webp"] as const).filter((f) => f !== own).map((f) => ({ type: CONTENT_TYPE[f], srcSet: set(f) })),
    src: mediaUrl(source.id, { format: own, width: srcWidth, crop: cropSpec }),
    srcSet: set(own),
    ...size,
  };
}

/**
 * One crop at (up to) `preferred` pixels wide in the image's fallback format,
 * for structured data and social cards, which take a single URL.
 */
export function croppedImage(source: TVariantSource, crop: TCrop, preferred = 1280): { url: string; width: number; height: number } {
  const box = cropBox(source.width, source.height, CROPS[crop], source.focalX, source.focalY);
  const widths = widthsFor(box.width);
  const width = widths.filter((w) => w <= preferred).pop() ?? widths[0]!;
  const v: TVariant = { format: formatsFor(source.format).at(-1)!, width, crop: { ratio: crop, focalX: source.focalX, focalY: source.focalY } };
  return { url: mediaUrl(source.id, v), ...variantSize(source, v) };
}

/** A small WebP of the whole image, for the newsroom's grids and pickers. */
export function thumbnailUrl(source: Pick<TVariantSource, "id" | "width">, preferred = 480): string {
  const widths = widthsFor(source.width);
  return mediaUrl(source.id, { format: "webp", width: widths.filter((w) => w <= preferred).pop() ?? widths[0]! });
}
