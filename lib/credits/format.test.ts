import { describe, expect, it } from "vitest";
import { additionalReportingLine, bioSentence, bylineText, contributorLine, creditedName, interleave, joinNames, possessive, visualsLine } from "./format";

const OWN = "The Newsroom";

describe("joinNames", () => {
  it.each([
    [[], ""],
    [["Jane Roe"], "Jane Roe"],
    [["Jane Roe", "John Doe"], "Jane Roe and John Doe"],
    [["A", "B", "C"], "A, B and C"],
    [["A", "B", "C", "D"], "A, B, C and D"],
    [[" A ", "", "B"], "A and B"],
  ])("%j → %j", (names, text) => {
    expect(joinNames(names)).toBe(text);
  });
});

describe("bylineText", () => {
  it("reads By A, By A and B, By A, B and C", () => {
    expect(bylineText(["A"])).toBe("By A");
    expect(bylineText(["A", "B"])).toBe("By A and B");
    expect(bylineText(["A", "B", "C"])).toBe("By A, B and C");
    expect(bylineText([])).toBe("");
  });
});

describe("contributorLine", () => {
  it.each([
    [[{ name: "Jane Roe", location: "Beijing" }], "Jane Roe in Beijing contributed to this report."],
    [[{ name: "Jane Roe" }], "Jane Roe contributed to this report."],
    [[{ name: "A", location: "Seoul" }, { name: "B" }], "A in Seoul and B contributed to this report."],
    [
      [
        { name: "A", location: "in Seoul" },
        { name: "B", location: "Tokyo" },
        { name: "C", location: " " },
      ],
      "A in Seoul, B in Tokyo and C contributed to this report.",
    ],
    [[], ""],
  ])("%j", (people, line) => {
    expect(contributorLine(people, OWN)).toBe(line);
  });

  it("writes additional reporting lines the same way", () => {
    expect(additionalReportingLine([{ name: "A", location: "Seoul" }, { name: "B" }], OWN)).toBe("Additional reporting by A in Seoul and B.");
    expect(additionalReportingLine([{ name: "A", affiliation: "Reuters" }], OWN)).toBe("Additional reporting by Reuters' A.");
    expect(additionalReportingLine([], OWN)).toBe("");
  });

  it("names another publication's people with its name, as the seed's line does", () => {
    expect(contributorLine([{ name: "Amber Ziye Wang", location: "Beijing", affiliation: "The Washington Post" }], OWN)).toBe(
      "The Washington Post's Amber Ziye Wang in Beijing contributed to this report.",
    );
    expect(
      contributorLine(
        [
          { name: "A", affiliation: "Reuters", location: "Seoul" },
          { name: "B", affiliation: OWN },
        ],
        OWN,
      ),
    ).toBe("Reuters' A in Seoul and B contributed to this report.");
  });

  it.each([
    ["The Newsroom", "The Newsroom"],
    ["the newsroom ", "The Newsroom"],
    ["Newsroom", "The Newsroom"],
    ["The Washington Post", "Washington Post"],
  ])("leaves out the publication's own affiliation (%j on %j)", (affiliation, own) => {
    expect(creditedName({ name: "Jane Roe", affiliation }, own)).toBe("Jane Roe");
    expect(contributorLine([{ name: "Jane Roe", affiliation, location: "Beijing" }], own)).toBe("Jane Roe in Beijing contributed to this report.");
  });

  it("ignores an empty affiliation and an empty site name does not swallow one", () => {
    expect(creditedName({ name: "Jane Roe", affiliation: " " }, OWN)).toBe("Jane Roe");
    expect(creditedName({ name: "Jane Roe", affiliation: "AP" }, "")).toBe("AP's Jane Roe");
  });
});

describe("possessive (AP style)", () => {
  it.each([
    ["The Washington Post", "The Washington Post's"],
    ["Reuters", "Reuters'"],
    ["The New York Times", "The New York Times'"],
    ["Agence France-Presse", "Agence France-Presse's"],
    ["Macy's", "Macy's"],
    ["Reuters'", "Reuters'"],
  ])("%j → %j", (name, text) => {
    expect(possessive(name)).toBe(text);
  });
});

describe("bioSentence", () => {
  it.each([
    ["John Doe", "is the bureau chief in Beijing", "John Doe is the bureau chief in Beijing."],
    ["John Doe", "is the bureau chief in Beijing.", "John Doe is the bureau chief in Beijing."],
    ["John Doe", "John Doe covers China.", "John Doe covers China."],
    ["Jane Roe", "Previously at the Times, she covers courts", "Previously at the Times, she covers courts."],
    ["Simon Denyer", "is The Post's bureau chief in Beijing.", "Simon Denyer is The Post's bureau chief in Beijing."],
    ["Simon Denyer", "The Post's bureau chief in Beijing", "Simon Denyer is The Post's bureau chief in Beijing."],
    ["Simon Denyer", "Simon Denyer is The Post's bureau chief in Beijing.", "Simon Denyer is The Post's bureau chief in Beijing."],
    ["Jane Roe", "Reuters' correspondent in Seoul", "Jane Roe is Reuters' correspondent in Seoul."],
    ["Tom Berg", "a freelance journalist", "Tom Berg is a freelance journalist."],
    ["Tom Berg", "freelance journalist", "Tom Berg is freelance journalist."],
    ["Sofía Álvarez", "covers city hall", "Sofía Álvarez covers city hall."],
    ["Sofía Álvarez", "Covers city hall", "Sofía Álvarez covers city hall."],
    ["Lukas Weber", "news editor in Frankfurt", "Lukas Weber is news editor in Frankfurt."],
    ["Lukas Weber", "joined in 2019 from the Times", "Lukas Weber joined in 2019 from the Times."],
    ["Jane Roe", "She covers courts", "She covers courts."],
    ["Jane Roe", "  ", ""],
    ["Jane Roe", null, ""],
  ])("%s + %j → %j", (name, bio, sentence) => {
    expect(bioSentence(name, bio)).toBe(sentence);
  });
});

describe("interleave and visualsLine", () => {
  it("puts list separators between any items", () => {
    expect(interleave([1, 2, 3])).toEqual([1, ", ", 2, " and ", 3]);
    expect(interleave([1])).toEqual([1]);
  });

  it("credits photographs and graphics", () => {
    expect(visualsLine("Photographs", ["A", "B"])).toBe("Photographs by A and B.");
    expect(visualsLine("Graphics", [])).toBe("");
  });
});
