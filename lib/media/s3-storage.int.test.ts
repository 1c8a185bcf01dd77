import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3, type TS3 } from "@/testing/s3";
import { s3Storage } from "./s3-storage";
import { checkKey, type TMediaStorage } from "./storage";

/** Issue 16, item 3: media on shared storage, through the real AWS SDK against an S3-compatible server (s3rver). */
let s3: TS3;
let dir: string;
let client: S3Client;
let storage: TMediaStorage;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-s3-"));
  s3 = await startS3(dir);
  client = new S3Client({ endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  storage = s3Storage({ client, bucket: s3.bucket, prefix: "newsroom/", checkKey });
});
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("S3 media storage", () => {
  it("keeps bytes as they are, under its prefix; a missing key is null", async () => {
    const bytes = Buffer.from([0, 255, 1, 254, 0x89, 0x50, 0x4e, 0x47]);
    await storage.put("originals/ab/one.png", bytes);
    expect((await storage.get("originals/ab/one.png"))!.equals(bytes)).toBe(true);
    expect(await s3.has("newsroom/originals/ab/one.png")).toBe(true);
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
