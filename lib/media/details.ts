import type { TActionResult, TFieldErrors } from "@/lib/errors";
import { toDisplayMedia, type TDisplayMedia, type TDisplaySource } from "./display";

/**
 * An image's details as the details form edits them, on the Media page and in
 * the story editor: the fields, the version the form is based on, whether the
 * viewer may change them, and the credit as readers would see it now.
 */
export type TMediaDetails = {
  id: string;
  filename: string;
  width: number;
  height: number;
  focalX: number;
  focalY: number;
  alt: string;
  caption: string;
  creditPersonId: string;
  creditText: string;
  source: string;
  copyrightHolder: string;
  copyrightYear: string;
  version: number;
  canEdit: boolean;
  /** "(Jane Roe/Agency Copyright 2018)", or null. */
  credit: string | null;
};

export function toMediaDetails(m: TDisplaySource & { version: number; creditPersonId: string | null }, canEdit: boolean): TMediaDetails {
  return {
    id: m.id,
    filename: m.filename,
    width: m.width,
    height: m.height,
    focalX: m.focalX,
    focalY: m.focalY,
    alt: m.alt ?? "",
    caption: m.caption ?? "",
    creditPersonId: m.creditPersonId ?? "",
    creditText: m.creditText ?? "",
    source: m.source ?? "",
    copyrightHolder: m.copyrightHolder ?? "",
    copyrightYear: m.copyrightYear ? String(m.copyrightYear) : "",
    version: m.version,
    canEdit,
    credit: toDisplayMedia(m).credit,
  };
}

/** What a details form posts: every field as text, absent ones as "" (the focal point left out unless moved). */
export function mediaDetailsFromForm(data: FormData) {
  const text = (name: string) => String(data.get(name) ?? "");
  return {
    alt: text("alt"),
    caption: text("caption"),
    creditPersonId: text("creditPersonId"),
    creditText: text("creditText"),
    source: text("source"),
    copyrightHolder: text("copyrightHolder"),
    copyrightYear: text("copyrightYear").trim(),
    focalX: text("focalX") || undefined,
    focalY: text("focalY") || undefined,
  };
}

/** What the details dialog loads: the details, and the people who may be credited as photographer. */
export type TMediaDetailsLoaded = { media: TMediaDetails; people: { id: string; name: string }[] };

/** A saved edit: the image as the editor shows it, and the details at their new version. */
export type TMediaDetailsSaved = { item: TDisplayMedia; media: TMediaDetails };

/** A refused save; a CONFLICT carries the details as someone else saved them. */
export type TMediaDetailsResult = TActionResult<TMediaDetailsSaved> | (Extract<TActionResult<never>, { ok: false }> & { current?: TMediaDetails });

const ALT_FIELD = "media.";

/** The field a publishing refusal names an image without alt text by, so the editor can open that image's details. */
export const altTextField = (mediaId: string) => `${ALT_FIELD}${mediaId}`;

/** The images a refusal names as lacking alt text (their `altTextField`s), in its order. */
export const imagesLackingAlt = (errors: TFieldErrors): string[] =>
  Object.keys(errors)
    .filter((key) => key.startsWith(ALT_FIELD) && key.length > ALT_FIELD.length && errors[key]?.length)
    .map((key) => key.slice(ALT_FIELD.length));
