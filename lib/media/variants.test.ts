import { describe, expect, it } from "vitest";
import { checkVariant, cropBox, formatsFor, mediaUrl, parseVariantName, pictureSources, variantName, widthsFor, type TVariantSource } from "./variants";

const photo: TVariantSource = { id: "m1", format: "jpeg", width: 3000, height: 2000, focalX: 0.5, focalY: 0.5 };

describe("crops", () => {
  it("keep the focal point in frame, as far as the edges allow", () => {
    expect(cropBox(3000, 2000, 1, 0.5, 0.5)).toEqual({ left: 500, top: 0, width: 2000, height: 2000 });
    expect(cropBox(3000, 2000, 1, 0.1, 0.5)).toEqual({ left: 0, top: 0, width: 2000, height: 2000 });
    expect(cropBox(3000, 2000, 1, 0.9, 0.5)).toEqual({ left: 1000, top: 0, width: 2000, height: 2000 });
    // A tall photo cut to 16:9 follows the focal point vertically.
    expect(cropBox(1000, 2000, 16 / 9, 0.5, 0.2)).toEqual({ left: 0, top: 119, width: 1000, height: 563 });
  });
});

describe("variant names", () => {
  it("round-trip, and anything else is not a variant", () => {
    for (const v of [
      { format: "webp", width: 640 },
      { format: "jpeg", width: 1280, crop: { ratio: "16x9", focalX: 0.5, focalY: 0.3 } },
    ] as const) {
      expect(parseVariantName(variantName(v))).toEqual(v);
    }
    expect(variantName({ format: "avif", width: 320, crop: { ratio: "1x1", focalX: 0.333, focalY: 1 } })).toBe("1x1-w320-f33x100.avif");
    for (const bad of [
      "w640.svg",
      "w640.webp.html",
      "../w640.webp",
      "16x9-w640.webp",
      "w640-f50x50.webp",
      "1x1-w320-f101x0.jpg",
      "w99999.jpg",
      "original.jpg",
    ]) {
      expect(parseVariantName(bad)).toBeNull();
    }
  });
});

describe("the variants an image offers", () => {
  it("are never wider than the image", () => {
    expect(widthsFor(3000)).toEqual([320, 480, 640, 960, 1280, 1600, 2048]);
    expect(widthsFor(1000)).toEqual([320, 480, 640, 960, 1000]);
    expect(widthsFor(200)).toEqual([200]);
  });
  it("come in AVIF, WebP and the image's own format", () => {
    expect(formatsFor("png")).toEqual(["avif", "webp", "png"]);
    expect(formatsFor("webp")).toEqual(["avif", "webp"]);
  });
  it("are checked: unknown widths and formats are refused, an old focal point is redirected", () => {
    expect(checkVariant(photo, { format: "webp", width: 640 })).toEqual({ ok: true });
    expect(checkVariant(photo, { format: "webp", width: 700 })).toEqual({ ok: false });
    expect(checkVariant(photo, { format: "png", width: 640 })).toEqual({ ok: false });
    expect(checkVariant(photo, { format: "jpeg", width: 1280, crop: { ratio: "16x9", focalX: 0.5, focalY: 0.5 } })).toEqual({ ok: true });
    expect(checkVariant(photo, { format: "jpeg", width: 1280, crop: { ratio: "16x9", focalX: 0.2, focalY: 0.5 } })).toEqual({
      ok: false,
      redirectTo: "/api/media/m1/16x9-w1280-f50x50.jpg",
    });
  });
  it("fill a <picture>: AVIF and WebP sources, the original format as the <img> fallback, with the size to reserve", () => {
    const p = pictureSources({ ...photo, width: 1000, height: 500 });
    expect(p.sources.map((s) => s.type)).toEqual(["image/avif", "image/webp"]);
    expect(p.sources[1]!.srcSet).toBe(
      [
        "/api/media/m1/w320.webp 320w",
        "/api/media/m1/w480.webp 480w",
        "/api/media/m1/w640.webp 640w",
        "/api/media/m1/w960.webp 960w",
        "/api/media/m1/w1000.webp 1000w",
      ].join(", "),
    );
    expect(p.src).toBe(mediaUrl("m1", { format: "jpeg", width: 960 }));
    expect([p.width, p.height]).toEqual([1000, 500]);
    const square = pictureSources(photo, "1x1");
    expect(square.src).toBe("/api/media/m1/1x1-w960-f50x50.jpg");
    expect([square.width, square.height]).toEqual([2000, 2000]);
  });
});
