import "server-only";
import { DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, ListObjectsCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { TMediaStorage } from "./storage";

/**
 * Media in S3 or anything that speaks it (Cloudflare R2, MinIO, Ceph; s3rver in
 * tests), so every app process serves the same files: originals and the variants
 * made from them. Keys are the storage's own (`originals/…`, `variants/<id>/…`)
 * under an optional prefix. An S3 write is whole or nothing, so a reader never
 * sees half a file. Credentials come from the SDK's own chain (AWS_ACCESS_KEY_ID
 * and AWS_SECRET_ACCESS_KEY, a profile, an instance role): none are configured here.
 */

const CONTENT_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
};

const contentType = (key: string) => CONTENT_TYPES[key.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";

const missing = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
};

export function s3Storage({
  client,
  bucket,
  prefix = "",
  checkKey,
}: {
  client: S3Client;
  bucket: string;
  prefix?: string;
  checkKey: (key: string) => void;
}): TMediaStorage {
  const full = (key: string) => {
    checkKey(key);
    return `${prefix}${key}`;
  };
  return {
    async put(key, data) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: full(key), Body: data, ContentType: contentType(key) }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: full(key) }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (err) {
        if (missing(err)) return null;
        throw err;
      }
    },
    async remove(keyOrPrefix) {
      if (!keyOrPrefix.endsWith("/")) {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: full(keyOrPrefix) }));
        return;
      }
      const under = full(keyOrPrefix.slice(0, -1)) + "/";
      // Listed a page at a time (up to 1,000 keys; DeleteObjects takes as many), each page
      // after the last key of the one before: the original ListObjects, which every
      // S3-compatible store answers alike (s3rver's V2 continuation tokens need a cipher
      // OpenSSL 3 no longer has).
      let marker: string | undefined;
      for (;;) {
        const page = await client.send(new ListObjectsCommand({ Bucket: bucket, Prefix: under, Marker: marker }));
        const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (keys.length) {
          // A batch delete answers 200 even when some keys failed: those come back in Errors.
          const { Errors } = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
          if (Errors?.length)
            throw new Error(`Could not remove ${Errors.length} media files under ${under} (${Errors[0]!.Key}: ${Errors[0]!.Code} ${Errors[0]!.Message})`);
        }
        if (!page.IsTruncated || !keys.length) break;
        marker = keys.at(-1)!.Key;
      }
    },
  };
}
