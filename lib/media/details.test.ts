import { describe, expect, it } from "vitest";
import { altTextField, imagesLackingAlt, mediaDetailsFromForm, toMediaDetails } from "./details";

const row = {
  id: "m1",
  filename: "guards.jpg",
  format: "jpeg",
  width: 1600,
  height: 1000,
  focalX: 0.25,
  focalY: 0.5,
  alt: null,
  caption: "Soldiers stand guard.",
  creditText: "Jane Roe",
  source: "Agency",
  copyrightHolder: "Agency",
  copyrightYear: 2018,
  creditPerson: null,
  creditPersonId: null,
  version: 3,
};

describe("photo details", () => {
  it("show a library row as the form's fields, with the credit readers see", () => {
    expect(toMediaDetails(row, true)).toMatchObject({
      alt: "",
      caption: "Soldiers stand guard.",
      creditPersonId: "",
      copyrightYear: "2018",
      version: 3,
      canEdit: true,
      credit: "(Jane Roe/Agency Copyright 2018)",
    });
  });

  it("read a posted form, leaving the focal point alone unless it was sent", () => {
    const data = new FormData();
    for (const [k, v] of Object.entries({ alt: "Two soldiers.", caption: "", creditText: "Jane Roe", copyrightYear: " 2018 " })) data.set(k, v);
    expect(mediaDetailsFromForm(data)).toEqual({
      alt: "Two soldiers.",
      caption: "",
      creditPersonId: "",
      creditText: "Jane Roe",
      source: "",
      copyrightHolder: "",
      copyrightYear: "2018",
      focalX: undefined,
      focalY: undefined,
    });
  });

  it("find the images a publishing refusal names, and nothing else", () => {
    const errors = {
      media: ["“a.jpg” needs alt text."],
      [altTextField("a1")]: ["“a.jpg” needs alt text."],
      [altTextField("b2")]: ["“b.jpg” needs alt text."],
      "media.": ["x"],
      mediaX: ["y"],
      [altTextField("c3")]: [],
    };
    expect(imagesLackingAlt(errors)).toEqual(["a1", "b2"]);
    expect(imagesLackingAlt({ headline: ["Required."] })).toEqual([]);
  });
});
