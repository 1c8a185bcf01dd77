import { z } from "zod";
import { bylineText } from "@/lib/credits/format";
import { plainText, countWords } from "@/lib/richtext/text";
import type { TRichDoc } from "@/lib/richtext/types";
import { absoluteUrl, SITE_LANGUAGE, SITE_NAME } from "@/lib/site";
import { API_SCHEMAS, type TApiImage, type TApiStory } from "./schemas";

/**
 * A story as IPTC ninjs 2.1 (News in JSON, https://www.iptc.org/std/ninjs/),
 * the news industry's own format: what wire services and syndication partners
 * read. The schema below is the part of ninjs-schema_2.1.json we write, as strict
 * as the standard's (no property it does not define; `uri` required).
 */
export const NINJS_VERSION = "2.1";
export const NINJS_SCHEMA_URI = "https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";
export const NINJS_MEDIA_TYPE = "application/ninjs+json";

const ZText = z.strictObject({ role: z.string().optional(), contenttype: z.string().optional(), value: z.string() });
const ZRendition = z.strictObject({
  name: z.string(),
  href: z.url().optional(),
  contenttype: z.string().optional(),
  title: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
});
const ZEntity = z.strictObject({ name: z.string().optional(), rel: z.string().optional(), uri: z.url().optional(), literal: z.string().optional() });

const ninjsCore = {
  uri: z.string().describe("This item's identifier (a URN of the site's host and the story's id)."),
  type: z.enum(["text", "picture"]),
  representationtype: z.enum(["full", "partial"]).optional(),
  version: z.string().optional(),
  standard: z.strictObject({ name: z.literal("ninjs"), version: z.literal(NINJS_VERSION), schema: z.literal(NINJS_SCHEMA_URI) }).optional(),
  firstcreated: z.iso.datetime().optional(),
  versioncreated: z.iso.datetime().optional(),
  contentcreated: z.iso.datetime().optional(),
  embargoed: z.iso.datetime().optional(),
  pubstatus: z.enum(["usable", "withheld", "canceled"]).optional(),
  copyrightholder: z.string().optional(),
  copyrightnotice: z.string().optional(),
  language: z.string().optional(),
  headlines: z.array(ZText).optional(),
  descriptions: z.array(ZText).optional(),
  bodies: z.array(ZText.extend({ charcount: z.number().optional(), wordcount: z.number().optional() }).strict()).optional(),
  people: z.array(ZEntity).optional(),
  subjects: z.array(ZEntity).optional(),
  by: z.string().optional(),
  slugline: z.string().optional(),
  located: z.string().optional(),
  renditions: z.array(ZRendition).optional(),
  altids: z.array(z.strictObject({ role: z.string(), value: z.string() })).optional(),
  infosources: z.array(z.strictObject({ name: z.string(), role: z.string().optional(), uri: z.url().optional() })).optional(),
};

const ZNinjsPicture = z.strictObject({ ...ninjsCore, name: z.string().describe("Its name among the associations: featureimage, image1, …") });

export const ZNinjs = z.strictObject({ ...ninjsCore, associations: z.array(ZNinjsPicture).optional() }).register(API_SCHEMAS, {
  id: "Ninjs",
  description: `A story as IPTC ninjs ${NINJS_VERSION} (${NINJS_SCHEMA_URI}); ask with ?format=ninjs or Accept: ${NINJS_MEDIA_TYPE}.`,
});
export type TNinjs = z.infer<typeof ZNinjs>;

const host = () => new URL(absoluteUrl("/")).host;
const urn = (kind: string, id: string) => `urn:newsroom:${host()}:${kind}:${id}`;

const REL: Record<string, string> = {
  BYLINE: "author",
  CONTRIBUTOR: "contributor",
  ADDITIONAL_REPORTING: "contributor",
  PHOTOGRAPHER: "photographer",
  GRAPHICS: "graphics",
};

function pictureOf(image: TApiImage, name: string): z.infer<typeof ZNinjsPicture> {
  return {
    name,
    uri: urn("image", image.id),
    type: "picture",
    ...(image.caption
      ? {
          descriptions: [
            { role: "caption", value: image.caption },
            { role: "alt", value: image.alt },
          ],
        }
      : { descriptions: [{ role: "alt", value: image.alt }] }),
    ...(image.credit ? { by: image.credit } : {}),
    ...(image.copyright ? { copyrightnotice: image.copyright } : {}),
    renditions: image.variants
      .filter((v) => v.crop === "original")
      .map((v) => ({ name: `${v.format}-w${v.width}`, href: v.url, contenttype: `image/${v.format}`, width: v.width, height: v.height })),
  };
}

/** A whole story (as the API shapes it) in ninjs. */
export function ninjsOf(story: TApiStory, createdAt: Date): TNinjs {
  const text = plainText(story.body.json as unknown as TRichDoc);
  const bylines = story.credits.filter((c) => c.role === "BYLINE").map((c) => c.person.name);
  const images = [
    ...(story.leadImage ? [{ image: story.leadImage, name: "featureimage" }] : []),
    ...story.images.map((image, i) => ({ image, name: `image${i + 1}` })),
  ];
  return {
    uri: urn("story", story.id),
    type: "text",
    representationtype: "full",
    // When the words readers see last changed, in Unix seconds: grows with every published change, and is not
    // moved by the desk's unpublished edits of a live story (the row's own version is).
    version: String(Math.floor(Date.parse(story.contentUpdatedAt) / 1000)),
    standard: { name: "ninjs", version: NINJS_VERSION, schema: NINJS_SCHEMA_URI },
    firstcreated: (story.firstPublishedAt ? new Date(story.firstPublishedAt) : createdAt).toISOString(),
    versioncreated: story.contentUpdatedAt,
    contentcreated: createdAt.toISOString(),
    ...(story.embargoUntil && new Date(story.embargoUntil) > new Date() ? { embargoed: story.embargoUntil } : {}),
    pubstatus: story.status === "PUBLISHED" ? "usable" : "withheld",
    copyrightholder: SITE_NAME,
    language: SITE_LANGUAGE,
    headlines: [{ role: "main", value: story.headline }],
    ...(story.dek ? { descriptions: [{ role: "summary", value: story.dek }] } : {}),
    bodies: [
      { role: "main", contenttype: "text/html", value: story.body.html, charcount: text.length, wordcount: countWords(text) },
      { role: "main", contenttype: "text/plain", value: text, charcount: text.length, wordcount: countWords(text) },
    ],
    people: story.credits.map((c) => ({ name: c.person.name, rel: REL[c.role] ?? "contributor", uri: c.person.url, literal: c.person.slug })),
    subjects: [
      ...(story.section ? [{ name: story.section.name, rel: "section", uri: story.section.url, literal: story.section.slug }] : []),
      ...story.tags.map((t) => ({ name: t.name, rel: "tag", uri: t.url, literal: t.slug })),
    ],
    ...(bylines.length ? { by: bylineText(bylines) } : {}),
    slugline: story.slug,
    ...(story.dateline ? { located: story.dateline } : {}),
    renditions: [{ name: "web", href: story.url, contenttype: "text/html", title: story.headline }],
    altids: [
      { role: "id", value: story.id },
      { role: "slug", value: story.slug },
    ],
    infosources: [{ name: SITE_NAME, role: "originator", uri: absoluteUrl("/") }],
    ...(images.length ? { associations: images.map(({ image, name }) => pictureOf(image, name)) } : {}),
  };
}
