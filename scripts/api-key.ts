/**
 * Delivery API keys from the command line (the operator's way; admins also have
 * the newsroom's API keys page, /newsroom/api-keys). Acts as the system actor.
 *
 *   npm run api-key -- list
 *   npm run api-key -- create --name "Mobile app" --scope content --rate-limit 600
 *   npm run api-key -- revoke nk_3f9a1c
 */
import { runCli, table, utc } from "./cli";
import { API_KEY_USAGE, parseApiKeyArgs, type TApiKeyCommand } from "./operator-args";

async function run(command: Exclude<TApiKeyCommand, { command: "help" }>) {
  const { SYSTEM_ACTOR: actor } = await import("../lib/auth/actor");
  const keys = await import("../lib/api-keys/keys");
  switch (command.command) {
    case "list": {
      const all = await keys.listApiKeys({ actor });
      if (!all.length) return console.log('No API keys yet: npm run api-key -- create --name "NAME" --scope content');
      console.log(
        table([
          ["PREFIX", "NAME", "SCOPES", "LIMIT/MIN", "REQUESTS (24 H)", "LAST USED", "REVOKED"],
          ...all.map((k) => [
            k.prefix,
            k.name,
            k.scopes.join(","),
            String(k.rateLimit),
            String(k.requestsToday),
            utc(k.lastUsedAt),
            k.revokedAt ? utc(k.revokedAt) : "no",
          ]),
        ]),
      );
      return;
    }
    case "create": {
      const { key, secret } = await keys.createApiKey({ actor, data: { name: command.name, scopes: command.scopes, rateLimit: command.rateLimit } });
      console.log(`Created the key "${key.name}" (${key.scopes.join(", ")}; ${key.rateLimit} requests a minute).`);
      console.log(`Key: ${secret}\n(Shown once: store it now. Send it as "Authorization: Bearer <key>".)`);
      return;
    }
    case "revoke": {
      const all = await keys.listApiKeys({ actor });
      const matches = all.filter((k) => k.prefix === command.prefix || command.prefix.startsWith(k.prefix));
      if (matches.length !== 1)
        throw new Error(matches.length ? `Several keys start with ${command.prefix}; give the whole prefix.` : `No key has the prefix ${command.prefix}.`);
      const revoked = await keys.revokeApiKey({ actor, keyId: matches[0]!.id });
      console.log(`Revoked "${revoked.name}" (${revoked.prefix}); it is refused from now on.`);
    }
  }
}

runCli(parseApiKeyArgs, API_KEY_USAGE, run);
