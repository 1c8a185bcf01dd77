import { describe, expect, it } from "vitest";
import { safeHref } from "./href";

describe("safeHref", () => {
  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "javascript&#58;alert(1)",
    "javascript&#x3A;alert(1)",
    "javascript&#58alert(1)",
    "javascript&colon;alert(1)",
    "jav\tascript:alert(1)",
    "jav&#x0A;ascript:alert(1)",
    "&#14; javascript:alert(1)",
    "\u0000javascript:alert(1)",
    " javascript:alert(1)",
    "feed:javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "/\\evil.example",
    "",
    "   ",
  ])("refuses %j", (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it.each([
    "https://example.com/a?b=c&d=e#f",
    "http://example.com",
    "mailto:desk@paper.example",
    "/stories/a-story",
    "#corrections",
    "?page=2",
    "page.html",
    "//cdn.example.com/photo.jpg",
  ])("keeps %j unchanged", (href) => {
    expect(safeHref(href)).toBe(href);
  });

  it("refuses anything that is not a string", () => {
    expect(safeHref(undefined)).toBeNull();
    expect(safeHref({ href: "https://x" })).toBeNull();
  });
});
