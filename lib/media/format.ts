/**
 * A photo's credit in the newsroom's style, as it follows the caption:
 * "Soldiers stand guard. (Jane Roe/Agency Copyright 2018)".
 */
export type TPhotoCredit = {
  /** The photographer: a credited person's current name, or free text. */
  credit: string | null | undefined;
  source: string | null | undefined;
  copyrightHolder: string | null | undefined;
  copyrightYear: number | null | undefined;
};

const clean = (v: string | null | undefined) => v?.trim() || null;

/** "(Jane Roe/Agency Copyright 2018)", or null when nothing is known. */
export function formatPhotoCredit(c: TPhotoCredit): string | null {
  const who = [clean(c.credit), clean(c.source)].filter(Boolean).join("/");
  const holder = clean(c.copyrightHolder);
  // The holder is named unless it is already there as the source or the photographer.
  const holderShown = holder && !who.split("/").some((part) => part.toLowerCase() === holder.toLowerCase()) ? holder : null;
  const copyright = c.copyrightYear || holderShown ? ["Copyright", c.copyrightYear, holderShown].filter(Boolean).join(" ") : null;
  const text = [who, copyright].filter(Boolean).join(" ");
  return text ? `(${text})` : null;
}

/** Caption and credit as one line, the way a figcaption reads. */
export function captionLine(caption: string | null | undefined, credit: string | null): string {
  return [clean(caption), credit].filter(Boolean).join(" ");
}

/** The photographer's name for a library item: the linked person, else the free text. */
export function photographerName(m: { creditPerson?: { name: string } | null; creditText?: string | null }): string | null {
  return m.creditPerson?.name ?? clean(m.creditText);
}
