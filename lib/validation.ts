import { z } from "zod";

/** Optional free text: trimmed, at most `max` characters, empty stored as null. */
export function zOptionalText(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((v) => (v.length ? v : null))
    .nullish();
}
