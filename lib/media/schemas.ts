import { z } from "zod";
import { zOptionalText } from "@/lib/validation";

const thisYear = () => new Date().getUTCFullYear();

/** The metadata an editor sets on a library image. */
export const ZMediaUpdate = z.object({
  alt: zOptionalText(500, "Alt text"),
  caption: zOptionalText(1000, "The caption"),
  creditPersonId: z
    .string()
    .max(64)
    .transform((v) => v || null)
    .nullish(),
  creditText: zOptionalText(200, "The credit"),
  source: zOptionalText(200, "The source"),
  copyrightHolder: zOptionalText(200, "The copyright holder"),
  copyrightYear: z
    .union([z.literal(""), z.coerce.number()])
    .transform((v) => (v === "" ? null : v))
    .pipe(
      z
        .number()
        .int("The copyright year is a whole year, e.g. 2018.")
        .min(1826, "The copyright year is a year, e.g. 2018.")
        .refine((y) => y <= thisYear() + 1, "The copyright year cannot be in the future.")
        .nullable(),
    )
    .nullish(),
  focalX: z.coerce.number().min(0).max(1).optional(),
  focalY: z.coerce.number().min(0).max(1).optional(),
});
export type TMediaUpdate = z.input<typeof ZMediaUpdate>;

export const MEDIA_FILTERS = ["missing-alt", "unused"] as const;

export const ZMediaListFilter = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  filter: z.enum(MEDIA_FILTERS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1),
});
/** As it arrives from a URL: anything unexpected falls back to the default. */
export type TMediaListFilter = { q?: string; filter?: string; page?: string | number };

/** An uploaded file's name as the browser sent it (URL-encoded in a header), kept for the newsroom. */
export function cleanFilename(raw: string | null): string {
  let name = raw ?? "";
  try {
    name = decodeURIComponent(name);
  } catch {
    // not encoded: keep as is
  }
  name = [...name]
    .filter((c) => c.charCodeAt(0) > 31 && c.charCodeAt(0) !== 127)
    .join("")
    .replace(/^.*[\\/]/, "")
    .trim();
  return name.slice(0, 200) || "image";
}
