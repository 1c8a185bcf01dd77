import { describe, expect, it } from "vitest";
import { Node as PMNode } from "@tiptap/pm/model";
import { smartenFragment } from "./house-style";
import { smarten, smartenRuns, typedReplacement } from "./typography";
import { richTextSchema, validateRichText } from "./validate";

describe("smarten (pasted wire copy)", () => {
  it.each([
    [`"We came to listen," he said.`, "“We came to listen,” he said."],
    [`The village -- and its farmers -- waited.`, "The village — and its farmers — waited."],
    [`It's the talks' third round---at last.`, "It’s the talks’ third round—at last."],
    [`He said 'not yet' in the '90s.`, "He said ‘not yet’ in the ’90s."],
    [`("Quoted") [‘x’] —"dash"`, "(“Quoted”) [‘x’] —“dash”"],
    [`Reuters' report`, "Reuters’ report"],
    [`"`, "“"],
    [`plain text`, "plain text"],
  ])("%j → %j", (text, out) => {
    expect(smarten(text)).toBe(out);
  });

  it("leaves URLs and backticked code as they are", () => {
    expect(smarten(`See https://example.com/a--b?q='x' -- "today".`)).toBe("See https://example.com/a--b?q='x' — “today”.");
    expect(smarten(`Visit www.example.org/it's--here or mailto:desk--news@example.com`)).toBe(
      "Visit www.example.org/it's--here or mailto:desk--news@example.com",
    );
    expect(smarten('Run `npm run build -- --prod "x"` -- then "wait".')).toBe('Run `npm run build -- --prod "x"` — then “wait”.');
  });

  it("reads quotes across runs, and never changes a protected run", () => {
    expect(smartenRuns([{ text: 'He typed "' }, { text: 'ls --all "x"', protected: true }, { text: '" -- twice.' }])).toEqual([
      "He typed “",
      'ls --all "x"',
      "” — twice.",
    ]);
    // "--" split between two runs is left alone rather than half-converted.
    expect(smartenRuns([{ text: "a -" }, { text: "- b" }])).toEqual(["a -", "- b"]);
  });
});

describe("typedReplacement (as one types)", () => {
  it.each([
    [`He said "`, { text: '"', replaceWith: "“" }],
    [`He said "yes"`, { text: '"', replaceWith: "”" }],
    [`"`, { text: '"', replaceWith: "“" }],
    [`don'`, { text: "'", replaceWith: "’" }],
    [`say '`, { text: "'", replaceWith: "‘" }],
    [`then --`, { text: "--", replaceWith: "—" }],
    [`see https://example.com/"`, { text: '"', replaceWith: "”" }],
  ])("%j → %j", (before, out) => {
    expect(typedReplacement(before)).toEqual(out);
  });

  it.each([`https://example.com/a--`, `www.example.org/it'`, `mailto:a--`, `a-`, `word`])("leaves %j alone", (before) => {
    expect(typedReplacement(before)).toBeNull();
  });
});

describe("smartenFragment (the editor's paste step)", () => {
  const doc = (json: unknown) => PMNode.fromJSON(richTextSchema, json);
  const pasted = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: `"Talks resume," said Mr. Li -- a diplomat.` }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Read " },
          { type: "text", text: "https://example.com/a--b", marks: [{ type: "link", attrs: { href: 'https://example.com/a--b?q="x"' } }] },
          { type: "text", text: ` or "the agenda" at ` },
          { type: "text", text: "example.org/it's--here", marks: [{ type: "link", attrs: { href: "https://example.org/it's--here" } }] },
          { type: "text", text: ", then run " },
          { type: "text", text: `grep -- "x"`, marks: [{ type: "code" }] },
          { type: "text", text: `'s output.` },
        ],
      },
    ],
  };

  it("converts text in every block, keeps marks, link addresses, address-like link text and code", () => {
    const out = smartenFragment(doc(pasted).content).toJSON();
    expect(out[0].content[0].text).toBe("“Talks resume,” said Mr. Li — a diplomat.");
    const second = out[1].content;
    const linked = (text: string, href: string) => ({ type: "text", text, marks: [{ type: "link", attrs: expect.objectContaining({ href }) }] });
    expect(second[1]).toEqual(linked("https://example.com/a--b", 'https://example.com/a--b?q="x"'));
    expect(second[2].text).toBe(" or “the agenda” at ");
    expect(second[3]).toEqual(linked("example.org/it's--here", "https://example.org/it's--here"));
    expect(second[5]).toEqual({ type: "text", text: `grep -- "x"`, marks: [{ type: "code" }] });
    expect(second[6].text).toBe("’s output.");
  });

  it("gives a body the server accepts as it is", () => {
    const json = { type: "doc", content: smartenFragment(doc(pasted).content).toJSON() };
    const stored = validateRichText(json);
    expect(stored.content![1]!.content!.map((n) => n.text)).toEqual(json.content[1].content.map((n: { text: string }) => n.text));
    expect(stored.content![1]!.content![5]!.marks).toEqual([{ type: "code" }]);
  });
});
