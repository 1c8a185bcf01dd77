import { z } from "zod";

/**
 * What webhooks can hear, and the message each carries. The outbox's events
 * (lib/changes.ts) map one to one onto these, except "story.live" (a live
 * story's entries: its pages and open readers hear it; a webhook for entries is
 * not offered yet) and "story.workflow" (a change
 * to a story nobody outside the newsroom can see), which no webhook hears.
 */
export const WEBHOOK_EVENT_TYPES = [
  "story.published",
  "story.updated",
  "story.unpublished",
  "story.corrected",
  "person.updated",
  "media.updated",
  "front.updated",
] as const;
export type TWebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_TEXT: Record<TWebhookEventType, string> = {
  "story.published": "A story is published",
  "story.updated": "A published story changes",
  "story.unpublished": "A story is taken down",
  "story.corrected": "A correction, clarification or update is added or edited",
  "person.updated": "A person's details change",
  "media.updated": "An image's caption, credit or alt text changes",
  "front.updated": "The front page's pins change",
};

export const isWebhookEventType = (type: string): type is TWebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);

/** The body of every delivery, as Standard Webhooks suggests: type, timestamp, data. */
export const ZWebhookPayload = z.object({
  type: z.enum(WEBHOOK_EVENT_TYPES),
  timestamp: z.iso.datetime().describe("When the change was made."),
  data: z
    .object({
      id: z.string().optional().describe("The story, person or image."),
      slug: z.string().optional(),
      headline: z.string().optional(),
      name: z.string().optional(),
      url: z.url().optional().describe("Its page on the site."),
      api: z.url().optional().describe("Its address in the delivery API: fetch it whole from there."),
      event: z.string().describe("The outbox event's id: increasing, for ordering and de-duplication."),
    })
    .describe("What changed; fetch the rest from the API."),
});
export type TWebhookPayload = z.infer<typeof ZWebhookPayload>;
