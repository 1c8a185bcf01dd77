import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { actorOf, makeUser } from "@/testing/factories";
import { startS3, type TS3 } from "@/testing/s3";
import { mediaDir } from "./config";
import { deleteMedia, uploadMedia } from "./mutations";
import { serveVariant } from "./serve";
import { s3Storage } from "./s3-storage";
import { checkKey, mediaStorage, type TMediaStorage } from "./storage";

/** Issue 16, item 3: media on shared storage, through the real AWS SDK against an S3-compatible server (s3rver). */
let s3: TS3;
let dir: string;
let client: S3Client;
let storage: TMediaStorage;
const saved = new Map<string, string | undefined>();
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-s3-"));
  s3 = await startS3(dir);
  client = new S3Client({
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  storage = s3Storage({ client, bucket: s3.bucket, prefix: "newsroom/", checkKey });
  // The app's own storage for this file's workers: S3 from the environment, as a deployment sets it.
  for (const [name, value] of Object.entries({ ...s3.env, NEWSROOM_S3_PREFIX: "app/" })) {
    saved.set(name, process.env[name]);
    process.env[name] = value;
  }
});
afterAll(async () => {
  // A worker may run other files after this one: they get local disk again.
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  client?.destroy();
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("S3 media storage", () => {
  it("keeps bytes as they are, under its prefix; a missing key is null", async () => {
    const bytes = Buffer.from([0, 255, 1, 254, 0x89, 0x50, 0x4e, 0x47]);
    await storage.put("originals/ab/one.png", bytes);
    expect((await storage.get("originals/ab/one.png"))!.equals(bytes)).toBe(true);
    // Typed by its extension, for anything that reads the bucket directly (a CDN in front of it).
    expect((await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: "newsroom/originals/ab/one.png" }))).ContentType).toBe("image/png");
    expect(await storage.get("originals/ab/none.png")).toBeNull();
  });

  it("removes one key, or everything under a prefix (more than one page of 1,000), and nothing else", async () => {
    await storage.put("variants/keep/w640.webp", Buffer.from("keep"));
    await storage.put("variants/gone/w640.webp", Buffer.from("gone"));
    await storage.remove("variants/gone/w640.webp");
    expect(await storage.get("variants/gone/w640.webp")).toBeNull();

    const keys = Array.from({ length: 1_005 }, (_, i) => `variants/many/w${i}.webp`);
    for (const key of keys) await storage.put(key, Buffer.from(key));
    await storage.put("variants/many-more/w1.webp", Buffer.from("a neighbour with the same start"));
    await storage.remove("variants/many/");
    expect(await storage.get("variants/many/w0.webp")).toBeNull();
    expect(await storage.get("variants/many/w1004.webp")).toBeNull();
    expect((await storage.get("variants/many-more/w1.webp"))!.toString()).toBe("a neighbour with the same start");
    expect((await storage.get("variants/keep/w640.webp"))!.toString()).toBe("keep");
  }, 120_000);

  it("refuses keys that could leave its place", async () => {
    await expect(storage.put("../escape.png", Buffer.from("x"))).rejects.toThrow("Not a media storage key");
    await expect(storage.get("/etc/passwd")).rejects.toThrow("Not a media storage key");
    await expect(storage.remove("variants/../../")).rejects.toThrow("Not a media storage key");
  });
});

describe("the app's media storage with NEWSROOM_S3_BUCKET set", () => {
  it("keeps an upload's original and its variants in the bucket, serves them from there, and removes them with the image", async () => {
    const actor = actorOf(await makeUser());
    // Noise no other test uploads, so this is a new image rather than another test's copy on local disk.
    const data = await sharp(randomBytes(32 * 20 * 3), { raw: { width: 32, height: 20, channels: 3 } })
      .resize(640, 400)
      .jpeg()
      .toBuffer();
    const { media, duplicate } = await uploadMedia({ actor, filename: "on-s3.jpg", data });
    expect(duplicate).toBe(false);
    const row = await prisma.media.findUniqueOrThrow({ where: { id: media.id }, select: { storageKey: true, sha256: true } });
    expect(await s3.has(`app/${row.storageKey}`)).toBe(true);
    expect((await mediaStorage().get(row.storageKey))!.equals(data)).toBe(true);

    const res = await serveVariant(media.id, "w320.webp");
    if (res.kind !== "file") throw new Error(`expected a file, got ${res.kind}`);
    expect(res.contentType).toBe("image/webp");
    expect(await sharp(res.data).metadata()).toMatchObject({ format: "webp", width: 320 });
    expect(await s3.has(`app/variants/${media.id}/w320.webp`)).toBe(true);
    // Nothing of it on this process's disk: another process reads the same bucket.
    const local = await readdir(mediaDir(), { recursive: true }).catch(() => [] as string[]);
    expect(local.filter((f) => f.includes(row.sha256) || f.includes(media.id))).toEqual([]);

    await deleteMedia({ actor, mediaId: media.id });
    expect(await s3.has(`app/${row.storageKey}`)).toBe(false);
    expect(await s3.has(`app/variants/${media.id}/w320.webp`)).toBe(false);
  });
});
