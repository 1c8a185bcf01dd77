/**
 * Webhook endpoints from the command line (the operator's way; admins also have
 * the newsroom's Webhooks page, /newsroom/webhooks, with the delivery log). Acts as the system actor.
 *
 *   npm run webhook -- list
 *   npm run webhook -- create --url https://example.com/hooks/newsroom --events story.published,story.updated
 *   npm run webhook -- disable <id>
 */
import { runCli, table } from "./cli";
import { parseWebhookArgs, WEBHOOK_USAGE, type TWebhookCommand } from "./operator-args";

async function run(command: Exclude<TWebhookCommand, { command: "help" }>) {
  const { SYSTEM_ACTOR: actor } = await import("../lib/auth/actor");
  const hooks = await import("../lib/webhooks/mutations");
  const { listWebhooks } = await import("../lib/webhooks/queries");
  switch (command.command) {
    case "list": {
      const all = await listWebhooks({ actor });
      if (!all.length) return console.log("No webhooks yet: npm run webhook -- create --url URL --events story.published");
      console.log(
        table([
          ["ID", "URL", "EVENTS", "ON", "DELIVERED", "WAITING", "FAILED"],
          ...all.map((h) => [
            h.id,
            h.url,
            h.events.join(","),
            h.active ? "yes" : "no",
            String(h.deliveries.DELIVERED ?? 0),
            String(h.deliveries.PENDING ?? 0),
            String(h.deliveries.FAILED ?? 0),
          ]),
        ]),
      );
      for (const h of all.filter((h) => h.disabledReason)) console.log(`\n${h.id}: ${h.disabledReason}`);
      return;
    }
    case "create": {
      const { webhook, secret } = await hooks.createWebhook({ actor, data: { url: command.url, events: command.events, description: command.description } });
      console.log(`Registered ${webhook.url} for ${webhook.events.join(", ")} (id ${webhook.id}).`);
      console.log(`Signing secret: ${secret}\n(Shown once: give it to the receiver, which checks every delivery's webhook-signature with it.)`);
      return;
    }
    case "enable":
    case "disable":
      await hooks.setWebhookActive({ actor, webhookId: command.id, active: command.command === "enable" });
      return console.log(`${command.command === "enable" ? "Switched on" : "Switched off"} ${command.id}.`);
    case "delete":
      await hooks.deleteWebhook({ actor, webhookId: command.id });
      return console.log(`Removed ${command.id} and its delivery log.`);
  }
}

runCli(parseWebhookArgs, WEBHOOK_USAGE, run);
