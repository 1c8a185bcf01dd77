import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { config } from "@/lib/config/config";
import { mediaDir } from "./config";
import { s3Storage } from "./s3-storage";

/**
 * Where media files live. Keys are relative paths such as `originals/ab/<id>.jpg`
 * or `variants/<id>/w640.webp`. Local disk is the default; another store (S3 and
 * the like) implements the same four methods.
 */
export interface TMediaStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** The file's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** Remove one file, or everything under a prefix ending in "/". Missing files are fine. */
  remove(keyOrPrefix: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9_\-./]*$/i;

/** Every storage takes only keys of this shape (no "..", nothing absolute). */
export function checkKey(key: string): void {
  if (!KEY.test(key) || key.split("/").includes("..")) throw new Error(`Not a media storage key: ${key}`);
}

/** Files under one directory; writes go to a temporary name first, so a reader never sees half a file. */
export function localDiskStorage(root: string): TMediaStorage {
  const resolve = (key: string) => {
    checkKey(key);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        await writeFile(tmp, data);
        await rename(tmp, file);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async remove(keyOrPrefix) {
      await rm(resolve(keyOrPrefix.replace(/\/$/, "")), { recursive: keyOrPrefix.endsWith("/"), force: true });
    },
  };
}

let storage: TMediaStorage | null = null;

/**
 * The storage this process uses: S3 when NEWSROOM_S3_BUCKET is set (every
 * process then serves the same files), else local disk under NEWSROOM_MEDIA_DIR
 * (default .data/media).
 */
export function mediaStorage(): TMediaStorage {
  if (storage) return storage;
  const bucket = config("NEWSROOM_S3_BUCKET");
  if (bucket) {
    const client = new S3Client({
      region: config("NEWSROOM_S3_REGION"),
      endpoint: config("NEWSROOM_S3_ENDPOINT") || undefined,
      forcePathStyle: config("NEWSROOM_S3_FORCE_PATH_STYLE"),
    });
    storage = s3Storage({ client, bucket, prefix: config("NEWSROOM_S3_PREFIX") ?? "", checkKey });
  } else {
    storage = localDiskStorage(mediaDir());
  }
  return storage;
}
