import { describe, expect, it } from "vitest";
import { additionalReportingLine, bioSentence, bylineText, contributorLine, interleave, joinNames, visualsLine } from "./format";

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
    [[{ name: "A", location: "in Seoul" }, { name: "B", location: "Tokyo" }, { name: "C", location: " " }], "A in Seoul, B in Tokyo and C contributed to this report."],
    [[], ""],
  ])("%j", (people, line) => {
    expect(contributorLine(people)).toBe(line);
  });

  it("writes additional reporting lines the same way", () => {
    expect(additionalReportingLine([{ name: "A", location: "Seoul" }, { name: "B" }])).toBe("Additional reporting by A in Seoul and B.");
    expect(additionalReportingLine([])).toBe("");
  });
});

describe("bioSentence", () => {
  it.each([
    ["John Doe", "is the bureau chief in Beijing", "John Doe is the bureau chief in Beijing."],
    ["John Doe", "is the bureau chief in Beijing.", "John Doe is the bureau chief in Beijing."],
    ["John Doe", "John Doe covers China.", "John Doe covers China."],
    ["Jane Roe", "Previously at the Times, she covers courts", "Previously at the Times, she covers courts."],
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
