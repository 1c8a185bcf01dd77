import { formatPhotoCredit, photographerName } from "./format";

/** What every view of an image needs: which file, its size and where crops centre. */
type TImageFrame = {
  id: string;
  /** For the newsroom only. */
  filename: string;
  format: string;
  width: number;
  height: number;
  focalX: number;
  focalY: number;
};

/** An image as pages show it: sizes for the <picture>, alt text, caption and the formatted credit. */
export type TDisplayMedia = TImageFrame & {
  alt: string;
  caption: string | null;
  credit: string | null;
  /** "© 2018 Agency", for structured data. */
  copyright: string | null;
};

/** The fields of a library row that showing it needs (a MEDIA_ITEM row, or the upload endpoint's JSON). */
export type TDisplaySource = TImageFrame & {
  alt: string | null;
  caption: string | null;
  creditText: string | null;
  source: string | null;
  copyrightHolder: string | null;
  copyrightYear: number | null;
  creditPerson: { name: string } | null;
};

export function toDisplayMedia(m: TDisplaySource): TDisplayMedia {
  const { id, filename, format, width, height, focalX, focalY } = m;
  return {
    id,
    filename,
    format,
    width,
    height,
    focalX,
    focalY,
    alt: m.alt ?? "",
    caption: m.caption,
    credit: formatPhotoCredit({ credit: photographerName(m), source: m.source, copyrightHolder: m.copyrightHolder, copyrightYear: m.copyrightYear }),
    copyright: m.copyrightYear || m.copyrightHolder ? ["©", m.copyrightYear, m.copyrightHolder].filter(Boolean).join(" ") : null,
  };
}
