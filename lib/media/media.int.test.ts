import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import exifr from "exifr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { setStoryCredits } from "@/lib/credits/mutations";
import { createPerson } from "@/lib/people/mutations";
import { createStory, updateStory } from "@/lib/stories/mutations";
import { publishStory } from "@/lib/stories/transitions";
import { getPublishedStoryBySlug } from "@/lib/stories/queries";
import { makeUser } from "@/testing/factories";
import { HTML_AS_JPEG, makeJpeg, makeJpegWithMetadata, makePng, makeRotatedJpeg, makeTruncatedJpeg, SCRIPTED_SVG } from "@/testing/images";
import { mediaDir } from "./config";
import { deleteMedia, updateMedia, uploadMedia } from "./mutations";
import { listMedia } from "./queries";
import { serveVariant } from "./serve";

const actorOf = (u: { id: string; role: "CONTRIBUTOR" | "EDITOR" | "ADMIN"; name: string; email: string }): TActor => ({ kind: "user", ...u });
/** An edit based on the image's version as it is now (the same bytes uploaded by another test are the same library item). */
const editMedia = async (input: Omit<Parameters<typeof updateMedia>[0], "baseVersion">) =>
  updateMedia({ ...input, baseVersion: (await prisma.media.findUniqueOrThrow({ where: { id: input.mediaId }, select: { version: true } })).version });
const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

async function storedFiles(): Promise<string[]> {
  try {
    return await readdir(mediaDir(), { recursive: true });
  } catch {
    return [];
  }
}

async function served(id: string, name: string) {
  const res = await serveVariant(id, name);
  if (res.kind !== "file") throw new Error(`expected a file for ${name}, got ${res.kind}`);
  return res;
}

describe("uploads", () => {
  it.each([
    ["a scripted SVG", "evil.svg", SCRIPTED_SVG, /SVG images are not accepted/],
    ["an HTML file renamed .jpg", "photo.jpg", HTML_AS_JPEG, /not an image we accept/],
    ["a truncated JPEG", "cut.jpg", null, /damaged or incomplete/],
    ["an empty file", "empty.jpg", Buffer.alloc(0), /empty/],
  ])("refuse %s with a clear message and store nothing", async (_label, filename, given, message) => {
    const actor = actorOf(await makeUser());
    const data = given ?? (await makeTruncatedJpeg());
    await expect(uploadMedia({ actor, filename, data })).rejects.toMatchObject({ code: "INVALID_INPUT", message });
    // Storage is addressed by content: nothing named after this file's hash, and no row for it.
    const sha = createHash("sha256").update(data).digest("hex");
    expect(await prisma.media.count({ where: { OR: [{ sha256: sha }, { filename }] } })).toBe(0);
    expect((await storedFiles()).filter((f) => f.includes(sha))).toEqual([]);
  });

  it("refuse a file over the size limit with TOO_LARGE (HTTP 413)", async () => {
    const actor = actorOf(await makeUser());
    const data = await makeJpeg(2400, 1600);
    expect(data.length).toBeGreaterThan(5 * 1024);
    process.env.NEWSROOM_MAX_UPLOAD_MB = String(5 / 1024);
    try {
      await expect(uploadMedia({ actor, filename: "big.jpg", data })).rejects.toMatchObject({ code: "TOO_LARGE", message: /larger than the 5 KB limit/ });
    } finally {
      delete process.env.NEWSROOM_MAX_UPLOAD_MB;
    }
    expect(await prisma.media.count({ where: { filename: "big.jpg" } })).toBe(0);
  });

  it("keep the original, record upright dimensions, pre-fill credits from the file, and serve variants without GPS", async () => {
    const actor = actorOf(await makeUser());
    const original = await makeJpegWithMetadata();
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(39.9, 1);
    const { media } = await uploadMedia({ actor, filename: "border.jpg", data: original });
    expect(media).toMatchObject({
      format: "jpeg",
      width: 1200,
      height: 800,
      caption: "Soldiers stand guard at the border village.",
      creditText: "Jane Roe",
      source: "Agency",
      copyrightHolder: "Agency",
      copyrightYear: 2018,
    });
    const row = await prisma.media.findUniqueOrThrow({ where: { id: media.id } });
    expect(await storedFiles()).toContain(row.storageKey);

    expect(await exifr.gps((await served(media.id, "w1200.jpg")).data)).toBeUndefined();
    for (const name of ["w1200.jpg", "w640.webp", "w320.avif", "16x9-w960-f50x50.jpg"]) {
      const meta = await sharp((await served(media.id, name)).data).metadata();
      expect([meta.exif, meta.xmp, meta.iptc]).toEqual([undefined, undefined, undefined]);
    }
    const webp = await sharp((await served(media.id, "w640.webp")).data).metadata();
    expect([webp.format, webp.width, webp.height]).toEqual(["webp", 640, 427]);
    expect((await sharp((await served(media.id, "w320.avif")).data).metadata()).compression).toBe("av1");
    // The same file again is the same library item.
    expect(await uploadMedia({ actor, filename: "again.jpg", data: original })).toMatchObject({ duplicate: true, media: { id: media.id } });
  });

  it("apply EXIF orientation: a turned photo is stored and served upright", async () => {
    const { media } = await uploadMedia({ actor: actorOf(await makeUser()), filename: "turned.jpg", data: await makeRotatedJpeg() });
    expect([media.width, media.height]).toEqual([800, 1200]);
    const out = await sharp((await served(media.id, "w480.webp")).data).metadata();
    expect([out.width, out.height]).toEqual([480, 720]);
  });

  it("serve only the closed set of variants, and move crops with the focal point", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const { media } = await uploadMedia({ actor: editor, filename: "small.png", data: await makePng(600, 400) });
    expect((await serveVariant(media.id, "w600.png")).kind).toBe("file");
    expect((await serveVariant(media.id, "w640.png")).kind).toBe("missing"); // never enlarged
    expect((await serveVariant(media.id, "w600.jpg")).kind).toBe("missing"); // not its format
    expect((await serveVariant(media.id, "../../etc/passwd")).kind).toBe("missing");
    expect((await serveVariant("nope", "w600.png")).kind).toBe("missing");
    await editMedia({ actor: editor, mediaId: media.id, data: { focalX: 0.1, focalY: 0.5 } });
    expect(await serveVariant(media.id, "1x1-w320-f50x50.webp")).toEqual({ kind: "redirect", location: `/api/media/${media.id}/1x1-w320-f10x50.webp` });
    expect((await serveVariant(media.id, "1x1-w320-f10x50.webp")).kind).toBe("file");
  });
});

describe("the library", () => {
  it("lets the uploader and editors edit details, validates them, and finds images by caption or credit", async () => {
    const [owner, other, editor] = await Promise.all([makeUser(), makeUser(), makeUser({ role: "EDITOR" })]);
    const { media } = await uploadMedia({ actor: actorOf(owner), filename: "market.jpg", data: await makeJpeg() });
    const tag = media.id.slice(-6);
    await expect(editMedia({ actor: actorOf(other), mediaId: media.id, data: { alt: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(editMedia({ actor: actorOf(owner), mediaId: media.id, data: { copyrightYear: 3000 } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { copyrightYear: ["The copyright year cannot be in the future."] },
    });
    const jane = await createPerson({ actor: actorOf(editor), data: { name: `Jane Roe ${tag}` } });
    await editMedia({ actor: actorOf(editor), mediaId: media.id, data: { alt: "Stalls", caption: `Night market ${tag}`, creditPersonId: jane.id } });
    const byCaption = await listMedia({ actor: actorOf(other), filter: { q: `market ${tag}` } });
    expect(byCaption.items.map((m) => m.id)).toEqual([media.id]);
    const byPerson = await listMedia({ actor: actorOf(other), filter: { q: `Roe ${tag}` } });
    expect(byPerson.items.map((m) => m.id)).toEqual([media.id]);
    const missingAlt = await listMedia({ actor: actorOf(other), filter: { filter: "missing-alt" } });
    expect(missingAlt.items.some((m) => m.id === media.id)).toBe(false);
  });
});

describe("editing details, version-checked", () => {
  it("of two edits based on one version exactly one is saved; the other is a CONFLICT and changes nothing", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const { media } = await uploadMedia({ actor: editor, filename: "race.jpg", data: await makeJpeg(643, 481) }); // a size no other test uses: its own library item
    const base = media.version;
    const results = await Promise.allSettled(
      ["Mine.", "Theirs."].map((caption) => updateMedia({ actor: editor, mediaId: media.id, baseVersion: base, data: { alt: "A gate", caption } })),
    );
    const saved = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Someone else changed this photo's details/) });
    const row = await prisma.media.findUniqueOrThrow({ where: { id: media.id }, select: { caption: true, version: true } });
    expect(row.version).toBe(base + 1);
    expect(row.caption).toBe((saved[0] as PromiseFulfilledResult<{ caption: string | null }>).value.caption);
    // Based on the version it now has, the next edit goes through.
    await expect(updateMedia({ actor: editor, mediaId: media.id, baseVersion: row.version, data: { caption: "Agreed." } })).resolves.toMatchObject({
      caption: "Agreed.",
      version: base + 2,
    });
  });
});

describe("images in stories", () => {
  async function storyWith(lead: boolean) {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const { media } = await uploadMedia({ actor: editor, filename: `photo-${lead ? "lead" : "body"}.jpg`, data: await makeJpeg() });
    const person = await createPerson({ actor: editor, data: { name: "Jane Roe" } });
    const body = { type: "doc", content: [paragraph("Before."), ...(lead ? [] : [{ type: "mediaImage", attrs: { mediaId: media.id } }]), paragraph("After.")] };
    let story = await createStory({
      actor: editor,
      data: { headline: "With a photo", body, leadMediaId: lead ? media.id : null, leadCaption: lead ? "Our own caption." : null },
    });
    story = {
      ...story,
      version: (await setStoryCredits({ actor: editor, storyId: story.id, baseVersion: story.version, credits: [{ personId: person.id, role: "BYLINE" }] }))
        .version,
    };
    return { editor, media, story, body };
  }

  it("cannot be published without alt text; the refusal names the image", async () => {
    for (const lead of [true, false]) {
      const { editor, media, story } = await storyWith(lead);
      await expect(publishStory({ actor: editor, storyId: story.id, baseVersion: story.version })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: new RegExp(`alt text to “${media.filename}”, ${lead ? "the lead photo" : "an image in the story"}`),
        // The editor opens this image's details from the refusal.
        fieldErrors: { [`media.${media.id}`]: [`“${media.filename}” needs alt text.`] },
      });
      await editMedia({ actor: editor, mediaId: media.id, data: { alt: "Soldiers at a gate" } });
      await publishStory({ actor: editor, storyId: story.id, baseVersion: story.version });
    }
  });

  it("reach readers with the story's caption and the library's credit", async () => {
    const { editor, media, story } = await storyWith(true);
    await editMedia({
      actor: editor,
      mediaId: media.id,
      data: { alt: "Soldiers", caption: "Library caption.", creditText: "Jane Roe", source: "Agency", copyrightYear: 2018 },
    });
    const published = await publishStory({ actor: editor, storyId: story.id, baseVersion: story.version });
    const page = await getPublishedStoryBySlug(published.slug);
    expect(page!.leadCaption).toBe("Our own caption.");
    expect(page!.media.get(media.id)).toMatchObject({ alt: "Soldiers", caption: "Library caption.", credit: "(Jane Roe/Agency Copyright 2018)" });
  });

  it("cannot be deleted while a story uses them; once removed from the story, they can", async () => {
    const { editor, media, story, body } = await storyWith(false);
    await expect(deleteMedia({ actor: editor, mediaId: media.id })).rejects.toMatchObject({ code: "CONFLICT", message: /used in a story: “With a photo”/ });
    const key = (await prisma.media.findUniqueOrThrow({ where: { id: media.id } })).storageKey;
    const without = { ...body, content: body.content.filter((n) => n.type !== "mediaImage") };
    await updateStory({ actor: editor, storyId: story.id, baseVersion: story.version, data: { headline: "With a photo", body: without } });
    await deleteMedia({ actor: editor, mediaId: media.id });
    expect(await prisma.media.count({ where: { id: media.id } })).toBe(0);
    expect(await storedFiles()).not.toContain(key);
  });

  it("must exist in the library", async () => {
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    await expect(
      createStory({ actor: editor, data: { headline: "Ghost", body: { type: "doc", content: [{ type: "mediaImage", attrs: { mediaId: "doesnotexist" } }] } } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: /not in the library/,
      fieldErrors: { body: [expect.any(String)] },
    });
    await expect(
      createStory({ actor: editor, data: { headline: "Ghost lead", leadMediaId: "doesnotexist", body: { type: "doc", content: [{ type: "paragraph" }] } } }),
    ).rejects.toMatchObject({
      fieldErrors: { leadMediaId: ["Choose another lead photo."] },
    });
  });
});

describe("a person's photo", () => {
  it("comes from the library, shows on their page, and keeps the image from being deleted", async () => {
    const { setPersonPhoto } = await import("@/lib/people/mutations");
    const { getPublicPerson } = await import("@/lib/people/queries");
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const editor = actorOf(await makeUser({ role: "EDITOR" }));
    const person = await createPerson({ actor: admin, data: { name: "Portrait Person", shortBio: "is a reporter" } });
    const { media } = await uploadMedia({ actor: admin, filename: "portrait.jpg", data: await makeJpeg(800, 1000) });
    await expect(setPersonPhoto({ actor: editor, personId: person.id, mediaId: media.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setPersonPhoto({ actor: admin, personId: person.id, mediaId: "nosuchimage" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await setPersonPhoto({ actor: admin, personId: person.id, mediaId: media.id });
    expect((await getPublicPerson(person.slug))!.photo).toMatchObject({ id: media.id, width: 800, height: 1000 });
    await expect(deleteMedia({ actor: admin, mediaId: media.id })).rejects.toMatchObject({ code: "CONFLICT", message: /photo of Portrait Person/ });
    await setPersonPhoto({ actor: admin, personId: person.id, mediaId: null });
    expect((await getPublicPerson(person.slug))!.photo).toBeNull();
    await deleteMedia({ actor: admin, mediaId: media.id });
  });
});
