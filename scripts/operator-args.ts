/**
 * `npm run api-key -- …` and `npm run webhook -- …`: their arguments, parsed
 * (pure; scripts/api-key.ts and scripts/webhook.ts run them).
 */
import { parseArgs } from "node:util";
import { API_SCOPES, type TApiScope } from "../lib/api/access";
import { WEBHOOK_EVENT_TYPES, type TWebhookEventType } from "../lib/webhooks/payload";
import { UsageError } from "./usage-error";

export const API_KEY_USAGE = `Usage: npm run api-key -- <command>

  list                                   every key: prefix, name, scopes, limit, use today, revoked
  create --name "NAME" [--scope content|preview|embargoed ...] [--rate-limit N]
                                         prints the key once (store it now); scopes: ${API_SCOPES.join(", ")}
                                         (content is always included); limit: requests a minute (600)
  revoke PREFIX                          the key whose prefix (nk_…, as list shows) this is`;

export const WEBHOOK_USAGE = `Usage: npm run webhook -- <command>

  list                                   every endpoint: id, address, events, on/off, deliveries
  create --url URL --events TYPE[,TYPE…] [--description "TEXT"]
                                         prints the signing secret once; events: ${WEBHOOK_EVENT_TYPES.join(", ")}
  enable ID | disable ID                 switch an endpoint on (waiting deliveries go) or off
  delete ID                              remove it and its delivery log`;

export type TApiKeyCommand =
  | { command: "help" }
  | { command: "list" }
  | { command: "create"; name: string; scopes: TApiScope[]; rateLimit?: number }
  | { command: "revoke"; prefix: string };

export type TWebhookCommand =
  | { command: "help" }
  | { command: "list" }
  | { command: "create"; url: string; events: TWebhookEventType[]; description?: string }
  | { command: "enable" | "disable" | "delete"; id: string };

type TOptions = Record<string, { type: "string"; multiple?: boolean }>;
type TValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

function parse(argv: string[], options: TOptions): { values: TValues; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options: { help: { type: "boolean", short: "h" }, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

const list = (values: string | boolean | (string | boolean)[] | undefined) =>
  (Array.isArray(values) ? values : values === undefined ? [] : [values])
    .flatMap((v) => String(v).split(","))
    .map((v) => v.trim())
    .filter(Boolean);

export function parseApiKeyArgs(argv: string[]): TApiKeyCommand {
  const { values, positionals } = parse(argv, { name: { type: "string" }, scope: { type: "string", multiple: true }, "rate-limit": { type: "string" } });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === "help") return { command: "help" };
  if (command === "list") return { command: "list" };
  if (command === "create") {
    const name = String(values.name ?? "").trim();
    if (!name) throw new UsageError('Name the key: --name "Mobile app".');
    const scopes = list(values.scope);
    const bad = scopes.find((s) => !(API_SCOPES as readonly string[]).includes(s));
    if (bad) throw new UsageError(`"${bad}" is not a scope. Choose from ${API_SCOPES.join(", ")}.`);
    const raw = values["rate-limit"];
    const rateLimit = raw === undefined ? undefined : Number(raw);
    if (rateLimit !== undefined && (!Number.isInteger(rateLimit) || rateLimit < 1))
      throw new UsageError("--rate-limit is a whole number of requests a minute, 1 or more.");
    return { command, name, scopes: (scopes.length ? scopes : ["content"]) as TApiScope[], rateLimit };
  }
  if (command === "revoke") {
    if (!rest[0]) throw new UsageError("Name the key to revoke by its prefix (npm run api-key -- list shows them).");
    return { command, prefix: rest[0] };
  }
  throw new UsageError(`"${command}" is not a command.`);
}

export function parseWebhookArgs(argv: string[]): TWebhookCommand {
  const { values, positionals } = parse(argv, { url: { type: "string" }, events: { type: "string", multiple: true }, description: { type: "string" } });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === "help") return { command: "help" };
  if (command === "list") return { command: "list" };
  if (command === "create") {
    const url = String(values.url ?? "").trim();
    if (!url) throw new UsageError("Give the receiver's address: --url https://example.com/hooks/newsroom.");
    const events = list(values.events);
    if (!events.length) throw new UsageError(`Choose the events: --events ${WEBHOOK_EVENT_TYPES.slice(0, 2).join(",")}.`);
    const bad = events.find((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
    if (bad) throw new UsageError(`"${bad}" is not an event type. Choose from ${WEBHOOK_EVENT_TYPES.join(", ")}.`);
    return { command, url, events: events as TWebhookEventType[], description: values.description === undefined ? undefined : String(values.description) };
  }
  if (command === "enable" || command === "disable" || command === "delete") {
    if (!rest[0]) throw new UsageError(`Name the endpoint to ${command} by its id (npm run webhook -- list shows them).`);
    return { command, id: rest[0] };
  }
  throw new UsageError(`"${command}" is not a command.`);
}
