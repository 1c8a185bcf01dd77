"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { TDisplaySource } from "@/lib/media/display";

/** What the upload endpoint returns for a stored image. */
export type TUploaded = TDisplaySource;

type TUpload = { key: number; file: File; progress: number; state: "waiting" | "uploading" | "done" | "failed"; message: string | null };

const ACCEPT = "image/jpeg,image/png,image/webp,image/avif,image/gif";
const AT_ONCE = 2;

/** Send one file to POST /api/media, reporting progress; resolves with the stored image or a sentence saying why not. */
function send(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ ok: true; media: TUploaded; duplicate: boolean } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/media");
    xhr.setRequestHeader("X-Filename", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = xhr.response as { media?: TUploaded; duplicate?: boolean; error?: { message?: string } } | null;
      if (xhr.status < 300 && body?.media) resolve({ ok: true, media: body.media, duplicate: Boolean(body.duplicate) });
      else resolve({ ok: false, message: body?.error?.message ?? `The upload was refused (HTTP ${xhr.status}).` });
    };
    xhr.onerror = () => resolve({ ok: false, message: "The connection was lost during the upload. Check your connection and try again." });
    xhr.send(file);
  });
}

/**
 * Drop images here or pick them: several at once, each with its progress and,
 * when refused, the server's reason. Images stored (or found already in the
 * library) are handed to `onUploaded`.
 */
export function MediaUploader({
  maxBytes,
  onUploaded,
  compact = false,
  multiple = true,
}: {
  maxBytes: number;
  onUploaded: (media: TUploaded, duplicate: boolean) => void;
  compact?: boolean;
  multiple?: boolean;
}) {
  const [uploads, setUploads] = useState<TUpload[]>([]);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);
  const hintId = useId();
  const patch = (key: number, change: Partial<TUpload>) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  async function start(files: File[]) {
    const fresh = files.map((file) => ({ key: nextKey.current++, file, progress: 0, state: "waiting" as const, message: null }));
    setUploads((all) => [...fresh, ...all].slice(0, 50));
    const queue = [...fresh];
    const worker = async () => {
      for (let u = queue.shift(); u; u = queue.shift()) {
        const key = u.key;
        if (u.file.size > maxBytes) {
          patch(key, {
            state: "failed",
            message: `This file is larger than the ${Math.round(maxBytes / 1048576)} MB limit. Resize or compress it, then upload it again.`,
          });
          continue;
        }
        patch(key, { state: "uploading" });
        const result = await send(u.file, (progress) => patch(key, { progress }));
        if (result.ok) {
          patch(key, { state: "done", progress: 1, message: result.duplicate ? "Already in the library." : "Uploaded." });
          onUploaded(result.media, result.duplicate);
        } else patch(key, { state: "failed", message: result.message });
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, worker));
  }

  return (
    <div>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void start([...e.dataTransfer.files]);
        }}
        className={`flex flex-wrap items-center gap-3 rounded border-2 border-dashed p-4 ${dragging ? "border-accent bg-accent/5" : "border-ink/25 bg-white"} ${compact ? "text-sm" : ""}`}
      >
        <Button variant="secondary" onClick={() => inputRef.current?.click()} aria-describedby={hintId}>
          {multiple ? "Upload images…" : "Upload an image…"}
        </Button>
        <span id={hintId} className="text-sm text-ink/70">
          or drop {multiple ? "them" : "it"} here. JPEG, PNG, WebP, AVIF or GIF, up to {Math.round(maxBytes / 1048576)} MB each.
        </span>
        <input
          ref={inputRef}
          type="file"
          accept={ACCEPT}
          multiple={multiple}
          className="sr-only"
          aria-label="Images to upload"
          tabIndex={-1}
          onChange={(e) => {
            void start([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
      </div>
      {uploads.length > 0 && (
        <ul aria-label="Uploads" aria-live="polite" className="mt-2 space-y-1 text-sm">
          {uploads.map((u) => (
            <li key={u.key} className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{u.file.name}</span>
              {u.state === "uploading" || u.state === "waiting" ? (
                <progress max={1} value={u.progress} aria-label={`Uploading ${u.file.name}`} className="w-40" />
              ) : (
                <span role={u.state === "failed" ? "alert" : undefined} className={u.state === "failed" ? "text-accent" : "text-green-800"}>
                  {u.message}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The library page's uploader: the grid refreshes as images arrive. */
export function LibraryUploader({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  return <MediaUploader maxBytes={maxBytes} onUploaded={() => router.refresh()} />;
}
