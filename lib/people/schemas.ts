import { z } from "zod";
import { safeHref } from "@/lib/richtext/href";
import { slugify } from "@/lib/stories/slug";
import { zOptionalText } from "@/lib/validation";

export const ZPersonLink = z.object({
  label: z.string().trim().min(1, "Name the link.").max(60),
  url: z
    .string()
    .trim()
    .refine((u) => /^(https?:|mailto:)/i.test(u) && safeHref(u) !== null, "Use a web address (https://…) or an email link (mailto:…)."),
});

export const ZPersonFields = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters."),
  slug: z
    .string()
    .max(200)
    .transform((v) => slugify(v))
    .nullish(),
  title: zOptionalText(160, "The title"),
  affiliation: zOptionalText(160, "The affiliation"),
  shortBio: zOptionalText(300, "The one-line bio"),
  longBio: zOptionalText(5000, "The bio"),
  links: z.array(ZPersonLink).max(10, "At most 10 links.").optional(),
});
export type TPersonFields = z.input<typeof ZPersonFields>;
