import { describe, expect, it } from "vitest";
import { mediaChangeLabels, personChangeLabels, storyChangeLabels, storyNoteLabels, LABEL } from "./labels";

describe("storyChangeLabels", () => {
  const before = { id: "s1", status: "PUBLISHED", slugs: ["old", "older"], sectionId: "world", people: [{ id: "p1", slug: "jane-roe" }], tagSlugs: ["border"] };
  const after = {
    id: "s1",
    status: "PUBLISHED",
    slugs: ["new", "old", "older"],
    sectionId: "business",
    people: [{ id: "p2", slug: "john-doe" }],
    tagSlugs: ["trade-talks"],
  };

  it("names the story under every URL it had, and the lists it left and joined", () => {
    const tags = storyChangeLabels(before, after);
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
        LABEL.front,
        LABEL.feed,
        LABEL.sitemaps,
        LABEL.corrections,
      ]),
    );
    expect(new Set(tags).size).toBe(tags.length);
  });

  it("does not expire the pages of the people themselves (their other stories stay cached)", () => {
    expect(storyChangeLabels(before, after)).not.toContain("person:p1");
    expect(storyChangeLabels(before, after)).not.toContain(LABEL.listings);
  });

  it("still names the site-wide lists for a story that no longer exists", () => {
    expect(storyChangeLabels(null)).toEqual([LABEL.front, LABEL.feed, LABEL.sitemaps, LABEL.corrections]);
  });
});

describe("other changes", () => {
  it("a person: their own tag (every story crediting them), every slug, the lists", () => {
    expect(personChangeLabels("p1", ["jane-roe", "jane-smith"])).toEqual([
      "person:p1",
      "person-stories:p1",
      "person-slug:jane-roe",
      "person-slug:jane-smith",
      LABEL.listings,
      LABEL.sitemaps,
    ]);
  });
  it("an image: the stories showing it and the lists", () => {
    expect(mediaChangeLabels("m1")).toEqual(["media:m1", LABEL.listings, LABEL.feed]);
  });
  it("a correction: the story, /corrections and the feed", () => {
    expect(storyNoteLabels("s1")).toEqual(["story:s1", LABEL.corrections, LABEL.feed]);
  });
});
