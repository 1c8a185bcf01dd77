// The few parts of s3rver (an S3-compatible server, tests only) that testing/s3.ts uses; it ships no types.
declare module "s3rver" {
  export default class S3rver {
    constructor(options: { port: number; address: string; silent: boolean; directory: string; configureBuckets: { name: string }[] });
    run(): Promise<unknown>;
    close(): Promise<void>;
  }
}
