import { describe, expect, it } from "vitest";
import { pageParam, pagePath } from "./pager";

describe("cacheable list addresses", () => {
  it("page 1 is the list itself, later pages /page/N", () => {
    expect(pagePath("/sections/world", 1)).toBe("/sections/world");
    expect(pagePath("/sections/world", 3)).toBe("/sections/world/page/3");
    expect(pagePath("/corrections/", 2)).toBe("/corrections/page/2");
  });
  it("accepts only whole numbers from 2 (page 1 has one address)", () => {
    expect(pageParam("2")).toBe(2);
    expect(pageParam("99999")).toBe(99999);
    for (const bad of ["1", "0", "01", "-2", "2.5", "1e3", "abc", "", "100000", " 2"]) expect(pageParam(bad), bad).toBeNull();
  });
});
