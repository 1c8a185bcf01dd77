import { mkdirSync } from "node:fs";
import { freePort } from "./ports";

/**
 * An S3-compatible server for tests (the `s3rver` package, in a folder of its
 * own, loopback only) with one bucket, and the environment that points the app's
 * S3 media storage at it. Tests only: production uses AWS S3, R2, MinIO, Ceph…
 */
export type TS3 = { endpoint: string; bucket: string; env: Record<string, string>; has(key: string): Promise<boolean>; stop(): Promise<void> };

export async function startS3(directory: string, bucket = "newsroom-media"): Promise<TS3> {
  mkdirSync(directory, { recursive: true });
  const { default: S3rver } = await import("s3rver");
  const port = await freePort();
  const server = new S3rver({ port, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
  await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    NEWSROOM_S3_BUCKET: bucket,
    NEWSROOM_S3_ENDPOINT: endpoint,
    NEWSROOM_S3_REGION: "us-east-1",
    NEWSROOM_S3_FORCE_PATH_STYLE: "1",
    // s3rver's own test credentials.
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
  };
  return {
    endpoint,
    bucket,
    env,
    async has(key) {
      const { S3Client, HeadObjectCommand } = await import("@aws-sdk/client-s3");
      const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch {
        return false;
      } finally {
        client.destroy();
      }
    },
    stop: () => server.close(),
  };
}
