import { monitorEventLoopDelay } from "node:perf_hooks";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { actorOf, makeUser } from "@/testing/factories";
import { makeCameraJpeg, makeFlatPng, makeXmpBombPng } from "@/testing/images";
import { uploadMedia } from "./mutations";
import { serveVariant } from "./serve";

/**
 * Issue 12, item 1: hostile uploads and variant bursts, measured in this process
 * (the domain functions run here, so the event loop measured is the one they use).
 */

/** Run `work` while measuring the event loop's delay (ms) and the process's peak RSS growth (MB). */
async function measured<T>(work: () => Promise<T>) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 5);
  delay.enable();
  const started = performance.now();
  try {
    const result = await work();
    return {
      result,
      ms: Math.round(performance.now() - started),
      maxDelayMs: delay.max / 1e6,
      p99DelayMs: delay.percentile(99) / 1e6,
      rssGrowthMb: Math.round((rssPeak - rssBefore) / 2 ** 20),
    };
  } finally {
    delay.disable();
    clearInterval(sampler);
  }
}

const report = (label: string, m: { ms: number; maxDelayMs: number; p99DelayMs: number; rssGrowthMb: number }) =>
  console.log(`[item 1] ${label}: ${m.ms} ms, event-loop delay max ${m.maxDelayMs.toFixed(1)} ms, p99 ${m.p99DelayMs.toFixed(1)} ms, RSS +${m.rssGrowthMb} MB`);

describe("hostile uploads", () => {
  it("an XMP packet nesting 200,000 elements neither blocks the event loop nor stops a good image", async () => {
    const actor = actorOf(await makeUser());
    const data = await makeXmpBombPng(200_000);
    const m = await measured(() => uploadMedia({ actor, filename: "xmp-bomb.png", data }));
    report("XMP bomb upload", m);
    expect(m.result.media).toMatchObject({ format: "png", width: 320, height: 200, caption: null });
    expect(m.maxDelayMs).toBeLessThan(50);
    expect(m.ms).toBeLessThan(5_000);
  });

  it("a 100-megapixel PNG (400 KB on disk) is refused from its header, and says why", async () => {
    const actor = actorOf(await makeUser());
    const data = await makeFlatPng(10_000, 10_000);
    const m = await measured(() => uploadMedia({ actor, filename: "bomb.png", data }).catch((err: unknown) => err));
    report("100 MP PNG (refused)", m);
    expect(m.result).toMatchObject({ code: "INVALID_INPUT", message: /100 megapixels.*at most 80/ });
    expect(m.rssGrowthMb).toBeLessThan(50);
    expect(m.ms).toBeLessThan(1_000);
  });

  it("images at the pixel limit are decoded in bounded memory, one or four at a time, without blocking the event loop", async () => {
    const actor = actorOf(await makeUser());
    const one = await makeFlatPng(8_000, 10_000);
    const m1 = await measured(() => uploadMedia({ actor, filename: "limit.png", data: one }));
    report("80 MP RGBA PNG upload", m1);
    expect(m1.result.media).toMatchObject({ width: 8_000, height: 10_000 });
    expect(m1.rssGrowthMb).toBeLessThan(120); // decoded whole it is 320 MB
    expect(m1.maxDelayMs).toBeLessThan(50);

    const four = await Promise.all([0, 1, 2, 3].map(() => makeFlatPng(8_000, 10_000)));
    const m4 = await measured(() => Promise.all(four.map((data, i) => uploadMedia({ actor, filename: `limit-${i}.png`, data }))));
    report("4 × 80 MP RGBA PNG in parallel", m4);
    expect(m4.result.map((r) => r.duplicate)).toEqual([false, false, false, false]);
    expect(m4.rssGrowthMb).toBeLessThan(250); // decoded whole they are 1.3 GB
    expect(m4.maxDelayMs).toBeLessThan(50);
  });

  it("a real 60-megapixel camera JPEG is accepted and served", async () => {
    const actor = actorOf(await makeUser());
    const data = await makeCameraJpeg(9_504, 6_336);
    const m = await measured(() => uploadMedia({ actor, filename: "camera.jpg", data }));
    report("60 MP camera JPEG upload", m);
    expect(m.result.media).toMatchObject({ format: "jpeg", width: 9_504, height: 6_336 });
    expect(m.maxDelayMs).toBeLessThan(50);
    const served = await serveVariant(m.result.media.id, "16x9-w2048-f50x50.jpg");
    expect(served.kind).toBe("file");
    if (served.kind === "file") expect(await sharp(served.data).metadata()).toMatchObject({ width: 2048, height: 1152 });
  });
});

describe("variant bursts", () => {
  it("16 requests for one variant share one render; a burst of different variants stays in bounded memory and off the event loop", async () => {
    const actor = actorOf(await makeUser({ role: "EDITOR" }));
    const { media } = await uploadMedia({ actor, filename: "burst.png", data: await makeFlatPng(8_000, 10_000) });

    const same = await measured(() => Promise.all(Array.from({ length: 16 }, () => serveVariant(media.id, "w2048.webp"))));
    report("16 parallel requests of one variant", same);
    const bodies = same.result.map((r) => (r.kind === "file" ? r.data : null));
    expect(bodies.every((b) => b !== null && b === bodies[0])).toBe(true); // one render, the same buffer for all
    expect(same.maxDelayMs).toBeLessThan(50);

    const names = [
      "w320.webp",
      "w640.avif",
      "w1280.png",
      "1x1-w960-f50x50.webp",
      "16x9-w1600-f50x50.png",
      "4x3-w640-f50x50.avif",
      "191x100-w1280-f50x50.webp",
      "w960.webp",
    ];
    const mixed = await measured(() => Promise.all(names.map((name) => serveVariant(media.id, name))));
    report(`${names.length} different variants in parallel`, mixed);
    expect(mixed.result.map((r) => r.kind)).toEqual(names.map(() => "file"));
    expect(mixed.rssGrowthMb).toBeLessThan(250);
    expect(mixed.maxDelayMs).toBeLessThan(50);
  });
});
