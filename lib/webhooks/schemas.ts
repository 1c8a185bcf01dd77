import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./payload";

export const ZWebhookCreate = z.object({
  url: z.string().trim().min(1, "Give the address that receives the events.").max(2000, "At most 2,000 characters."),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "Choose at least one event."),
  description: z
    .string()
    .trim()
    .max(200, "At most 200 characters.")
    .optional()
    .transform((s) => s || null),
});
export type TWebhookCreate = z.input<typeof ZWebhookCreate>;
