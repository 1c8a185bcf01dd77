import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichText } from "./render";
import { validateRichText } from "./validate";
import { plainText } from "./text";
import { trimEmptyParagraphs } from "./trim";
import type { TRichDoc } from "./types";

const linkDoc = (href: string, extra: Record<string, unknown> = {}) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "click", marks: [{ type: "link", attrs: { href, ...extra } }] }] }],
});

const html = (doc: unknown, dateline?: string) => renderToStaticMarkup(<RichText doc={validateRichText(doc)} dateline={dateline} />);

const BAD_HREFS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "javascript&#58;alert(1)",
  "javascript&#x3A;alert(1)",
  "jav\tascript:alert(1)",
  "jav&#x0A;ascript:alert(1)",
  "&#14; javascript:alert(1)",
  "feed:javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
];

describe("validateRichText", () => {
  it.each(BAD_HREFS)("unlinks %j and keeps the text", (href) => {
    const out = html(linkDoc(href));
    expect(out).toBe("<p>click</p>");
    expect(out.toLowerCase()).not.toContain("javascript");
  });

  it("drops event handlers, styles and classes, on nodes and on links", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "paragraph", attrs: { style: "color:red", onerror: "alert(1)", class: "x" }, content: [{ type: "text", text: "hi" }] },
        ...linkDoc("https://example.com", { onclick: "alert(1)", style: "x", target: "_top", class: "evil" }).content,
      ],
    };
    const stored = validateRichText(doc);
    expect(JSON.stringify(stored)).not.toMatch(/style|onerror|onclick|class|_top/);
    expect(html(doc)).toBe('<p>hi</p><p><a href="https://example.com" rel="noopener noreferrer">click</a></p>');
  });

  it.each([
    [{ type: "doc", content: [{ type: "iframe", attrs: { src: "https://evil.example" } }] }, /does not support: "iframe"/],
    [
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "highlight" }] }] }] },
      /formatting the editor does not support: "highlight"/,
    ],
    [{ type: "doc", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] }, /structure is not valid/],
    [{ type: "paragraph" }, /must be a document/],
    ["<p>html</p>", /malformed/],
  ])("refuses %j with a clear error", (doc, message) => {
    expect(() => validateRichText(doc)).toThrow(message);
    try {
      validateRichText(doc);
    } catch (err) {
      expect(err).toMatchObject({ code: "INVALID_INPUT" });
    }
  });

  it("keeps legitimate markup exactly", () => {
    const doc: TRichDoc = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "South Korea welcomed the talks." }] },
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Why it matters" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Read " },
            { type: "text", text: "the report", marks: [{ type: "link", attrs: { href: "https://example.com/report?a=1&b=2" } }] },
            { type: "text", text: " in " },
            { type: "text", text: "full", marks: [{ type: "bold" }, { type: "italic" }] },
            { type: "hardBreak" },
            { type: "text", text: "now." },
          ],
        },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "“We will not back down,” she said." }] }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] }] },
        {
          type: "orderedList",
          attrs: { start: 3 },
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "three" }] }] }],
        },
        { type: "horizontalRule" },
      ],
    };
    expect(validateRichText(doc)).toEqual(doc);
    expect(html(doc, "Beijing")).toBe(
      '<p><span class="dateline">BEIJING — </span>South Korea welcomed the talks.</p><h2>Why it matters</h2>' +
        '<p>Read <a href="https://example.com/report?a=1&amp;b=2" rel="noopener noreferrer">the report</a> in <em><strong>full</strong></em><br/>now.</p>' +
        "<blockquote><p>“We will not back down,” she said.</p></blockquote><ul><li><p>one</p></li></ul>" +
        '<ol start="3"><li><p>three</p></li></ol><hr/>',
    );
  });

  it("escapes text that looks like markup", () => {
    const out = html({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: '</p><script>alert(1)</script><img src=x onerror="alert(1)">' }] }],
    });
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<img");
  });
});

describe("what readers get of a body", () => {
  const p = (text?: string) => ({ type: "paragraph", ...(text ? { content: [{ type: "text", text }] } : {}) });
  const pasted = {
    type: "doc",
    content: [p(), { type: "paragraph", content: [{ type: "text", text: " " }, { type: "hardBreak" }] }, p("First words."), p(), p("Second."), p(), p()],
  };

  it("leaves out empty paragraphs before and after the story and sets the dateline on the first words", () => {
    expect(html(pasted, "Beijing")).toBe('<p><span class="dateline">BEIJING — </span>First words.</p><p></p><p>Second.</p>');
  });

  it("puts the dateline on the first paragraph with words even after a heading or image", () => {
    const doc = { type: "doc", content: [{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Talks" }] }, p(), p("Body.")] };
    expect(html(doc, "Seoul")).toBe('<h2>Talks</h2><p></p><p><span class="dateline">SEOUL — </span>Body.</p>');
  });

  it("stores and renders inline code", () => {
    expect(html({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "npm --x", marks: [{ type: "code" }] }] }] })).toBe(
      "<p><code>npm --x</code></p>",
    );
  });

  it("gives excerpts that start with words", () => {
    expect(plainText(validateRichText(pasted))).toBe("First words.\n\n\n\nSecond.");
    expect(trimEmptyParagraphs({ type: "doc", content: [p(), p()] })).toEqual({ type: "doc", content: [] });
  });
});
