"use server";

import { createApiKey, revokeApiKey } from "@/lib/api-keys/keys";
import type { TApiScope } from "@/lib/api/access";
import type { TUserActor } from "@/lib/auth/current-user";
import { createShareLink, revokeShareLink } from "@/lib/stories/share-links";
import { createWebhook, deleteWebhook, redeliver, setWebhookActive } from "@/lib/webhooks/mutations";
import type { TWebhookEventType } from "@/lib/webhooks/payload";
import { formAction, formText as text } from "./define";

/** The admins' forms for the delivery API's keys and webhooks, and the editors' share links. */

const keys = (handler: (data: FormData, admin: TUserActor) => Promise<string>) => formAction("API keys", "/newsroom/api-keys", handler, { role: "ADMIN" });
const hooks = (handler: (data: FormData, admin: TUserActor) => Promise<string>) => formAction("Webhooks", "/newsroom/webhooks", handler, { role: "ADMIN" });

export const createApiKeyAction = keys(async (data, actor) => {
  const { key, secret } = await createApiKey({
    actor,
    data: { name: text(data, "name"), scopes: data.getAll("scopes").map(String) as TApiScope[], rateLimit: text(data, "rateLimit") || undefined },
  });
  return `Created "${key.name}". Its key, shown only now — copy it: ${secret}`;
});

export const revokeApiKeyAction = keys(async (data, actor) => {
  const key = await revokeApiKey({ actor, keyId: text(data, "keyId") });
  return `Revoked "${key.name}": it is refused from now on.`;
});

export const createWebhookAction = hooks(async (data, actor) => {
  const { webhook, secret } = await createWebhook({
    actor,
    data: { url: text(data, "url"), events: data.getAll("events").map(String) as TWebhookEventType[], description: text(data, "description") },
  });
  return `Registered ${webhook.url}. Its signing secret, shown only now — give it to the receiver: ${secret}`;
});

export const setWebhookActiveAction = hooks(async (data, actor) => {
  const active = text(data, "active") === "true";
  await setWebhookActive({ actor, webhookId: text(data, "webhookId"), active });
  return active ? "Switched on: deliveries that waited are being sent." : "Switched off: nothing is sent to it until it is switched on.";
});

export const deleteWebhookAction = hooks(async (data, actor) => {
  await deleteWebhook({ actor, webhookId: text(data, "webhookId") });
  return "Removed the webhook and its delivery log.";
});

export const redeliverAction = hooks(async (data, actor) => {
  const result = await redeliver({ actor, deliveryId: text(data, "deliveryId") });
  return result.ok ? `Delivered (HTTP ${result.statusCode}).` : `Not delivered: ${result.statusCode ? `HTTP ${result.statusCode}` : result.error}`;
});

export const createShareLinkAction = formAction("Share links", "/newsroom/stories", async (data, actor) => {
  const { link, url } = await createShareLink({
    actor,
    data: { storyId: text(data, "storyId"), label: text(data, "label"), hours: text(data, "hours") || undefined },
  });
  return `Made a link for ${link.label}. Copy it now (it is not shown again): ${url}`;
});

export const revokeShareLinkAction = formAction("Share links", "/newsroom/stories", async (data, actor) => {
  const link = await revokeShareLink({ actor, linkId: text(data, "linkId") });
  return `Revoked the link for ${link.label}.`;
});
