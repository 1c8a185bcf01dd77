import { Fragment, type ReactNode } from "react";
import { safeHref } from "./href";
import { isEmptyParagraph, trimEmptyParagraphs } from "./trim";
import type { TRichDoc, TRichMark, TRichNode } from "./types";

/**
 * Public HTML for a validated body, rendered on the server as React elements:
 * React escapes every text and attribute, and links are checked once more here.
 * Empty paragraphs before and after the story are left out, and the dateline
 * ("BEIJING —") is set in front of the first paragraph with words in it.
 */
export function RichText({
  doc,
  dateline,
  renderMedia,
}: {
  doc: TRichDoc;
  dateline?: string | null;
  /** How a library image in the body is shown (a figure); left out when not given. */
  renderMedia?: (mediaId: string) => ReactNode;
}) {
  const top = trimEmptyParagraphs(doc).content ?? [];
  const lead = dateline?.trim() ? top.findIndex((node) => node.type === "paragraph" && !isEmptyParagraph(node)) : -1;
  return (
    <>
      {top.map((node, i) =>
        i === lead ? (
          <p key={i}>
            <span className="dateline">{dateline!.trim().toUpperCase()} — </span>
            {(node.content ?? []).map((child, j) => renderNode(child, j))}
          </p>
        ) : (
          renderNode(node, i, renderMedia)
        ),
      )}
    </>
  );
}

function renderNode(node: TRichNode, key: number, renderMedia?: (mediaId: string) => ReactNode): ReactNode {
  const children = () => (node.content ?? []).map((child, i) => renderNode(child, i, renderMedia));
  switch (node.type) {
    case "paragraph":
      return <p key={key}>{children()}</p>;
    case "heading":
      return node.attrs?.level === 3 ? <h3 key={key}>{children()}</h3> : <h2 key={key}>{children()}</h2>;
    case "blockquote":
      return <blockquote key={key}>{children()}</blockquote>;
    case "bulletList":
      return <ul key={key}>{children()}</ul>;
    case "orderedList": {
      const start = Number(node.attrs?.start ?? 1);
      return (
        <ol key={key} start={start > 1 ? start : undefined}>
          {children()}
        </ol>
      );
    }
    case "listItem":
      return <li key={key}>{children()}</li>;
    case "horizontalRule":
      return <hr key={key} />;
    case "hardBreak":
      return <br key={key} />;
    case "mediaImage":
      return typeof node.attrs?.mediaId === "string" && renderMedia ? <Fragment key={key}>{renderMedia(node.attrs.mediaId)}</Fragment> : null;
    case "text":
      return <Fragment key={key}>{applyMarks(node.text ?? "", node.marks ?? [])}</Fragment>;
    default:
      return null; // validated bodies have no other nodes
  }
}

function applyMarks(text: string, marks: TRichMark[]): ReactNode {
  return marks.reduce<ReactNode>((inner, mark) => {
    if (mark.type === "bold") return <strong>{inner}</strong>;
    if (mark.type === "italic") return <em>{inner}</em>;
    if (mark.type === "code") return <code>{inner}</code>;
    if (mark.type === "link") {
      const href = safeHref(mark.attrs?.href);
      return href ? (
        <a href={href} rel="noopener noreferrer">
          {inner}
        </a>
      ) : (
        inner
      );
    }
    return inner;
  }, text);
}
