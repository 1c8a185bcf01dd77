import { describe, expect, it } from "vitest";
import { mediaChangeTags, personChangeTags, storyChangeTags, storyNoteTags, TAG } from "./tags";

describe("storyChangeTags", () => {
  const before = { id: "s1", slugs: ["old", "older"], sectionId: "world", people: [{ id: "p1", slug: "jane-roe" }], tagSlugs: ["border"] };
  const after = { id: "s1", slugs: ["new", "old", "older"], sectionId: "business", people: [{ id: "p2", slug: "john-doe" }], tagSlugs: ["trade-talks"] };

  it("names the story under every URL it had, and the lists it left and joined", () => {
    const tags = storyChangeTags(before, after);
    expect(tags).toEqual(
      expect.arrayContaining([
        "story:s1",
        "story-slug:old",
        "story-slug:older",
        "story-slug:new",
        "section-stories:world",
        "section-stories:business",
        "person-stories:p1",
        "person-slug:jane-roe",
        "person-stories:p2",
        "person-slug:john-doe",
        "tag-stories:border",
        "tag-stories:trade-talks",
        TAG.front,
        TAG.feed,
        TAG.sitemaps,
        TAG.corrections,
      ]),
    );
    expect(new Set(tags).size).toBe(tags.length);
  });

  it("does not expire the pages of the people themselves (their other stories stay cached)", () => {
    expect(storyChangeTags(before, after)).not.toContain("person:p1");
    expect(storyChangeTags(before, after)).not.toContain(TAG.listings);
  });

  it("still names the site-wide lists for a story that no longer exists", () => {
    expect(storyChangeTags(null)).toEqual([TAG.front, TAG.feed, TAG.sitemaps, TAG.corrections]);
  });
});

describe("other changes", () => {
  it("a person: their own tag (every story crediting them), every slug, the lists", () => {
    expect(personChangeTags("p1", ["jane-roe", "jane-smith"])).toEqual(["person:p1", "person-stories:p1", "person-slug:jane-roe", "person-slug:jane-smith", TAG.listings, TAG.sitemaps]);
  });
  it("an image: the stories showing it and the lists", () => {
    expect(mediaChangeTags("m1")).toEqual(["media:m1", TAG.listings, TAG.feed]);
  });
  it("a correction: the story, /corrections and the feed", () => {
    expect(storyNoteTags("s1")).toEqual(["story:s1", TAG.corrections, TAG.feed]);
  });
});
