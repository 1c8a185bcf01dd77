import { renderToStaticMarkup } from "react-dom/server";
import type { TDisplayMedia } from "@/lib/media/display";
import { captionLine } from "@/lib/media/format";
import { pictureSources } from "@/lib/media/variants";
import { RichText } from "@/lib/richtext/render";
import type { TRichDoc } from "@/lib/richtext/types";
import { absoluteUrl } from "@/lib/site";

/**
 * A story body as clean HTML for other software: the same renderer as the
 * reader's page (lib/richtext/render.tsx: validated JSON in, every text and
 * attribute escaped, links checked), with images as a plain <figure> — one <img>
 * of absolute URL, its alt text, and the caption with the credit. Not for Next's
 * bundle (React refuses its static renderer there): the API runs in our server.
 */
export function bodyHtml(body: TRichDoc, dateline: string | null, media: Map<string, TDisplayMedia>): string {
  return renderToStaticMarkup(
    <RichText
      doc={body}
      dateline={dateline}
      renderMedia={(id) => {
        const m = media.get(id);
        if (!m) return null;
        const p = pictureSources(m);
        const line = captionLine(m.caption, m.credit);
        return (
          <figure>
            <img src={absoluteUrl(p.src)} width={p.width} height={p.height} alt={m.alt} />
            {line ? <figcaption>{line}</figcaption> : null}
          </figure>
        );
      }}
    />,
  );
}
