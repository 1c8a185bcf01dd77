import path from "node:path";

/** Where media storage keeps its files (originals and cached variants). Never under public/. */
export function mediaDir(): string {
  // A runtime location, not a build input: keep Next's file tracing out of it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.NEWSROOM_MEDIA_DIR || path.join(process.env.NEWSROOM_DATA_DIR || ".data", "media"));
}

const DEFAULT_MAX_UPLOAD_MB = 20;

/** The largest upload accepted, in bytes (NEWSROOM_MAX_UPLOAD_MB, default 20). */
export function maxUploadBytes(): number {
  const mb = Number(process.env.NEWSROOM_MAX_UPLOAD_MB || DEFAULT_MAX_UPLOAD_MB);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024);
}

/** "20 MB" (or "500 KB" below a megabyte), for messages. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${Math.round(bytes / 1024)} KB`;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
