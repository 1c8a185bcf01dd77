import path from "node:path";
import { config } from "@/lib/config/config";

/** Where media storage keeps its files (originals and cached variants). Never under public/. */
export function mediaDir(): string {
  // A runtime location, not a build input: keep Next's file tracing out of it.
  return path.resolve(/*turbopackIgnore: true*/ config("NEWSROOM_MEDIA_DIR") || path.join(config("NEWSROOM_DATA_DIR"), "media"));
}

/** The largest upload accepted, in bytes (NEWSROOM_MAX_UPLOAD_MB, default 20). */
export function maxUploadBytes(): number {
  return Math.round(config("NEWSROOM_MAX_UPLOAD_MB") * 1024 * 1024);
}

/** "20 MB" (or "500 KB" below a megabyte), for messages. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${Math.round(bytes / 1024)} KB`;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/**
 * How long an upload may go without a single byte before it is abandoned (408),
 * in ms (NEWSROOM_UPLOAD_IDLE_SECONDS, default 30): a slow connection still
 * sends something every few seconds; a stalled or hostile one holds a request
 * and its buffered part no longer. Node's own limit on a whole request (5
 * minutes, http.Server requestTimeout) still applies to slow but steady uploads.
 */
export function uploadIdleMs(): number {
  return Math.round(config("NEWSROOM_UPLOAD_IDLE_SECONDS") * 1000);
}
