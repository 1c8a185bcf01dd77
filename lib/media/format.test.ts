import { describe, expect, it } from "vitest";
import { captionLine, formatPhotoCredit, photographerName } from "./format";

describe("photo credits", () => {
  it("read the newsroom's way: photographer/agency, then the copyright year", () => {
    expect(formatPhotoCredit({ credit: "Jane Roe", source: "Agency", copyrightHolder: "Agency", copyrightYear: 2018 })).toBe(
      "(Jane Roe/Agency Copyright 2018)",
    );
  });
  it("name a copyright holder who is neither the photographer nor the agency", () => {
    expect(formatPhotoCredit({ credit: "Jane Roe", source: "Agency", copyrightHolder: "Big Media Ltd", copyrightYear: 2018 })).toBe(
      "(Jane Roe/Agency Copyright 2018 Big Media Ltd)",
    );
  });
  it("leave out what is unknown", () => {
    expect(formatPhotoCredit({ credit: "Jane Roe", source: null, copyrightHolder: null, copyrightYear: null })).toBe("(Jane Roe)");
    expect(formatPhotoCredit({ credit: " ", source: "Agency", copyrightHolder: null, copyrightYear: null })).toBe("(Agency)");
    expect(formatPhotoCredit({ credit: null, source: null, copyrightHolder: "Jane Roe", copyrightYear: 2020 })).toBe("(Copyright 2020 Jane Roe)");
    expect(formatPhotoCredit({ credit: null, source: null, copyrightHolder: null, copyrightYear: null })).toBeNull();
  });
  it("follow the caption", () => {
    expect(captionLine("Soldiers stand guard outside the meeting rooms.", "(Jane Roe/Agency Copyright 2018)")).toBe(
      "Soldiers stand guard outside the meeting rooms. (Jane Roe/Agency Copyright 2018)",
    );
    expect(captionLine("  ", "(Jane Roe)")).toBe("(Jane Roe)");
  });
  it("prefer the credited person's current name to free text", () => {
    expect(photographerName({ creditPerson: { name: "Jane Roe" }, creditText: "J. Roe" })).toBe("Jane Roe");
    expect(photographerName({ creditPerson: null, creditText: "Wire photographer" })).toBe("Wire photographer");
  });
});
