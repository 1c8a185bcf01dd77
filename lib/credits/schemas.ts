import { z } from "zod";
import { zOptionalText } from "@/lib/validation";

export const CREDIT_ROLES = ["BYLINE", "CONTRIBUTOR", "ADDITIONAL_REPORTING", "PHOTOGRAPHER", "GRAPHICS", "EDITOR"] as const;
export type TCreditRole = (typeof CREDIT_ROLES)[number];

export const ZCredit = z.object({
  personId: z.string().min(1).max(64),
  role: z.enum(CREDIT_ROLES, { message: "Choose a credit role from the list." }),
  location: zOptionalText(80, "A location"),
  override: zOptionalText(300, "A credit line"),
});

/** A story's credits, in the order readers see them. */
export const ZCredits = z.array(ZCredit).max(40, "At most 40 credits on a story.");
export type TCreditInput = z.input<typeof ZCredit>;
