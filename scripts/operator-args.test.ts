import { describe, expect, it } from "vitest";
import { parseApiKeyArgs, parseWebhookArgs } from "./operator-args";
import { UsageError } from "./usage-error";

const mistake = (parse: (argv: string[]) => unknown, argv: string[]) => {
  try {
    parse(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`parsed: ${argv.join(" ")}`);
};

describe("npm run api-key arguments", () => {
  it("reads each command", () => {
    expect(parseApiKeyArgs([])).toEqual({ command: "help" });
    expect(parseApiKeyArgs(["list"])).toEqual({ command: "list" });
    expect(parseApiKeyArgs(["create", "--name", "Mobile app"])).toEqual({ command: "create", name: "Mobile app", scopes: ["content"], rateLimit: undefined });
    expect(parseApiKeyArgs(["create", "--name", "Wire", "--scope", "content", "--scope", "embargoed", "--rate-limit", "120"])).toEqual({
      command: "create",
      name: "Wire",
      scopes: ["content", "embargoed"],
      rateLimit: 120,
    });
    expect(parseApiKeyArgs(["create", "--name", "Desk app", "--scope", "content,preview"])).toMatchObject({ scopes: ["content", "preview"] });
    expect(parseApiKeyArgs(["revoke", "nk_3f9a1c"])).toEqual({ command: "revoke", prefix: "nk_3f9a1c" });
  });

  it("says what is wrong", () => {
    expect(mistake(parseApiKeyArgs, ["create"])).toMatch(/--name/);
    expect(mistake(parseApiKeyArgs, ["create", "--name", "x", "--scope", "everything"])).toMatch(/"everything" is not a scope/);
    expect(mistake(parseApiKeyArgs, ["create", "--name", "x", "--rate-limit", "lots"])).toMatch(/whole number/);
    expect(mistake(parseApiKeyArgs, ["create", "--name", "x", "--rate-limit", "0"])).toMatch(/1 or more/);
    expect(mistake(parseApiKeyArgs, ["revoke"])).toMatch(/prefix/);
    expect(mistake(parseApiKeyArgs, ["rotate"])).toMatch(/"rotate" is not a command/);
    expect(mistake(parseApiKeyArgs, ["list", "--colour"])).toMatch(/colour/);
  });
});

describe("npm run webhook arguments", () => {
  it("reads each command", () => {
    expect(parseWebhookArgs(["--help"])).toEqual({ command: "help" });
    expect(parseWebhookArgs(["list"])).toEqual({ command: "list" });
    expect(parseWebhookArgs(["create", "--url", "https://example.com/h", "--events", "story.published,story.corrected", "--description", "Alerts"])).toEqual({
      command: "create",
      url: "https://example.com/h",
      events: ["story.published", "story.corrected"],
      description: "Alerts",
    });
    expect(parseWebhookArgs(["disable", "wh1"])).toEqual({ command: "disable", id: "wh1" });
    expect(parseWebhookArgs(["enable", "wh1"])).toEqual({ command: "enable", id: "wh1" });
    expect(parseWebhookArgs(["delete", "wh1"])).toEqual({ command: "delete", id: "wh1" });
  });

  it("says what is wrong", () => {
    expect(mistake(parseWebhookArgs, ["create", "--events", "story.published"])).toMatch(/--url/);
    expect(mistake(parseWebhookArgs, ["create", "--url", "https://example.com/h"])).toMatch(/--events/);
    expect(mistake(parseWebhookArgs, ["create", "--url", "https://example.com/h", "--events", "story.deleted"])).toMatch(
      /"story.deleted" is not an event type/,
    );
    expect(mistake(parseWebhookArgs, ["enable"])).toMatch(/by its id/);
  });
});
